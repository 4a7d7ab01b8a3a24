package io.calmsdk.api;

import io.calmsdk.api.internal.ApiCaller;
import io.calmsdk.api.internal.Checks;
import io.calmsdk.api.internal.EntitySet;
import io.calmsdk.api.internal.PageDecoder;
import io.calmsdk.api.internal.PathTemplate;
import io.calmsdk.api.internal.RestFilters;
import io.calmsdk.api.model.ODataQuery;
import io.calmsdk.api.model.StatusEvent;
import io.calmsdk.core.paging.PagedIterable;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The Cloud ALM Status Events API ({@code /bsm-service/v1}, SAP's API guide): disruptions, degradations and
 * maintenances of the services of business services, from the REST collection {@code GET /events} (paged with
 * {@code offset}/{@code limit}, narrowed by query filters; filter names UNVERIFIED, from consetto/calmcp) or from
 * the OData v4 set {@code GET /eventsDATA} ({@link #list(ODataQuery)}: {@code $filter}, {@code $orderby},
 * {@code $select}, {@code $skip}/{@code $top}/{@code $count}). The guide names both operations; the event fields
 * are UNVERIFIED (open-source clients) and the same in both. Obtained from {@link CloudAlmClient#statusEvents()};
 * needs {@code calm-api.bsm.read}. Immutable and thread-safe.
 */
public final class StatusEventsClient {

    /** The query filters the events collection takes. */
    public static final Set<String> FILTERS = Set.of("type", "serviceName", "eventType", "serviceType", "period",
            "startTime", "endTime");
    /** The page size of {@link #list()}. */
    public static final int DEFAULT_PAGE_SIZE = 100;

    private static final String OBJECTS = PathTemplate.parse("/bsm-service/v1/events").expand();

    private final ApiCaller caller;
    private final EntitySet<StatusEvent> events;
    private final EntitySet<StatusEvent> eventsData;

    StatusEventsClient(ApiCaller caller) {
        this.caller = Objects.requireNonNull(caller, "caller");
        this.events = new EntitySet<>(caller, "/bsm-service/v1/events", StatusEvent.class,
                "status event", "id");
        this.eventsData = new EntitySet<>(caller, "/bsm-service/v1/eventsDATA", StatusEvent.class, "status event", "id");
    }

    /**
     * Lists the status events an OData query selects, from the OData set {@code /bsm-service/v1/eventsDATA}.
     *
     * <pre>{@code
     * calm.statusEvents().list(ODataQuery.builder().where("type", "DISRUPTION").orderBy("startTime desc").build())
     *     .forEach(e -> System.out.println(e.serviceName().orElse("") + " " + e.title().orElse("")));
     * }</pre>
     *
     * @param query the filter, order, selection and page size
     * @return the events, fetched lazily when iterated
     */
    public PagedIterable<StatusEvent> list(ODataQuery query) {
        return eventsData.list(query);
    }

    /**
     * Lists every status event, {@value #DEFAULT_PAGE_SIZE} per request.
     *
     * @return the events, fetched lazily when iterated
     */
    public PagedIterable<StatusEvent> list() {
        return list(Map.of(), DEFAULT_PAGE_SIZE);
    }

    /**
     * Lists the status events matching every filter given.
     *
     * <pre>{@code
     * calm.statusEvents().list(Map.of("type", "DISRUPTION"), 200)
     *     .forEach(e -> System.out.println(e.serviceName().orElse("") + " " + e.title().orElse("")));
     * }</pre>
     *
     * @param filters filter values by name, from {@link #FILTERS}
     * @param pageSize the {@code limit} per request, 1 to 1000
     * @return the events, fetched lazily when iterated
     * @throws io.calmsdk.core.exception.ValidationException naming the filter if one is unknown or blank, or if
     *         the page size is out of range
     */
    public PagedIterable<StatusEvent> list(Map<String, String> filters, int pageSize) {
        return caller.offsetLimit(OBJECTS, RestFilters.check(filters, FILTERS), Checks.inRange("pageSize", pageSize,
                1, 1000), PageDecoder.of(StatusEvent.class, "status events"), "list status events");
    }

    /**
     * Reads a status event.
     *
     * @param id the event's id
     * @return the event
     * @throws io.calmsdk.core.exception.NotFoundException if there is none
     */
    public StatusEvent get(String id) {
        return events.get(id);
    }

    /**
     * Reads a status event, empty when there is none.
     *
     * @param id the event's id
     * @return the event, or empty
     */
    public Optional<StatusEvent> find(String id) {
        return events.find(id);
    }

    @Override
    public String toString() {
        return "StatusEventsClient{" + caller.endpoint() + "/bsm-service/v1}";
    }
}
