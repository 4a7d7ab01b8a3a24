package io.calmsdk.api;

import io.calmsdk.api.internal.ApiCaller;
import io.calmsdk.api.internal.Checks;
import io.calmsdk.api.internal.EntitySet;
import io.calmsdk.api.internal.PageDecoder;
import io.calmsdk.api.internal.PathTemplate;
import io.calmsdk.api.internal.RestFilters;
import io.calmsdk.api.model.LandscapeObject;
import io.calmsdk.core.paging.PagedIterable;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The Cloud ALM landscape API ({@code /calm-landscape/v1/landscapeObjects}): cloud services, technical and
 * logical systems, paged with REST {@code offset}/{@code limit} and narrowed by query filters. Path and filters
 * UNVERIFIED (from open-source clients, consetto/calmcp). Obtained from {@link CloudAlmClient#landscape()};
 * needs {@code calm-api.landscape.read}. Immutable and thread-safe.
 */
public final class LandscapeClient {

    /** The query filters the landscape objects collection takes. */
    public static final Set<String> FILTERS = Set.of("objectType", "role", "serviceType", "name", "source",
            "externalId", "deploymentModel");
    /** The page size of {@link #list()}. */
    public static final int DEFAULT_PAGE_SIZE = 100;

    private static final String OBJECTS = PathTemplate.parse("/calm-landscape/v1/landscapeObjects").expand();

    private final ApiCaller caller;
    private final EntitySet<LandscapeObject> objects;

    LandscapeClient(ApiCaller caller) {
        this.caller = Objects.requireNonNull(caller, "caller");
        this.objects = new EntitySet<>(caller, "/calm-landscape/v1/landscapeObjects", LandscapeObject.class,
                "landscape object", "id");
    }

    /**
     * Lists every landscape object, {@value #DEFAULT_PAGE_SIZE} per request.
     *
     * @return the objects, fetched lazily when iterated
     */
    public PagedIterable<LandscapeObject> list() {
        return list(Map.of(), DEFAULT_PAGE_SIZE);
    }

    /**
     * Lists the landscape objects matching every filter given.
     *
     * <pre>{@code
     * calm.landscape().list(Map.of("objectType", "CloudService", "role", "PROD"), 200)
     *     .forEach(o -> System.out.println(o.name()));
     * }</pre>
     *
     * @param filters filter values by name, from {@link #FILTERS}
     * @param pageSize the {@code limit} per request, 1 to 1000
     * @return the objects, fetched lazily when iterated
     * @throws io.calmsdk.core.exception.ValidationException naming the filter if one is unknown or blank, or if
     *         the page size is out of range
     */
    public PagedIterable<LandscapeObject> list(Map<String, String> filters, int pageSize) {
        return caller.offsetLimit(OBJECTS, RestFilters.check(filters, FILTERS), Checks.inRange("pageSize", pageSize,
                1, 1000), PageDecoder.of(LandscapeObject.class, "landscape objects"), "list landscape objects");
    }

    /**
     * Reads a landscape object.
     *
     * @param id the object's id
     * @return the object
     * @throws io.calmsdk.core.exception.NotFoundException if there is none
     */
    public LandscapeObject get(String id) {
        return objects.get(id);
    }

    /**
     * Reads a landscape object, empty when there is none.
     *
     * @param id the object's id
     * @return the object, or empty
     */
    public Optional<LandscapeObject> find(String id) {
        return objects.find(id);
    }

    @Override
    public String toString() {
        return "LandscapeClient{" + caller.endpoint() + "/calm-landscape/v1}";
    }
}
