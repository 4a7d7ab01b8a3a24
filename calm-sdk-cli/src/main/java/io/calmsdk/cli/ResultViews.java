package io.calmsdk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.btp.ProvisioningResult;
import io.calmsdk.btp.StepResult;
import io.calmsdk.core.model.ServiceKey;
import java.util.List;
import java.util.Locale;

/**
 * How SDK results look in both output modes: a step table for people, JSON for scripts. Service keys
 * are shown masked unless revealing was asked for.
 */
final class ResultViews {

    private ResultViews() {
    }

    /**
     * Prints one row per step: step, outcome, what was (or would be) done, and how long it took.
     *
     * @param printer the output
     * @param steps the steps
     * @param withTime whether to show each step's duration (not for plans)
     */
    static void printSteps(Printer printer, List<StepResult> steps, boolean withTime) {
        for (StepResult s : steps) {
            printer.line(String.format(Locale.ROOT, "  %-18s %-10s %s%s", s.step().words(),
                    s.outcome().name().toLowerCase(Locale.ROOT), s.detail(),
                    withTime ? " (" + Durations.human(s.elapsed()) + ")" : ""));
        }
    }

    static ArrayNode steps(List<StepResult> steps) {
        ArrayNode array = Printer.mapper().createArrayNode();
        for (StepResult s : steps) {
            ObjectNode o = array.addObject().put("step", s.step().words()).put("outcome", s.outcome().name())
                    .put("detail", s.detail());
            s.resourceId().ifPresent(id -> o.put("resourceId", id));
            o.put("elapsedMs", s.elapsed().toMillis());
        }
        return array;
    }

    /** The result without its key: subaccount, instance, binding, steps and cost. */
    static ObjectNode result(ProvisioningResult r) {
        ObjectNode o = Printer.mapper().createObjectNode().put("subaccountId", r.request().subaccountId());
        o.putObject("instance").put("name", r.instance().name()).put("id", r.instance().id());
        o.putObject("binding").put("name", r.binding().name()).put("id", r.binding().id());
        o.put("changed", r.changed()).put("httpRequests", r.httpRequests()).put("httpWrites", r.httpWrites())
                .put("elapsedMs", r.elapsed().toMillis());
        o.set("steps", steps(r.steps()));
        return o;
    }

    /**
     * The key as JSON: secrets as {@code ***}, or in clear when revealing.
     *
     * @param key the key
     * @param reveal whether to show secrets
     * @return the key's JSON tree
     */
    static JsonNode key(ServiceKey key, boolean reveal) {
        if (!reveal) {
            // ServiceKey serialises itself masked (@JsonValue): the secret never reaches the mapper in clear.
            return Printer.mapper().valueToTree(key);
        }
        try {
            return Printer.mapper().readTree(key.revealJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the key's own JSON did not parse", e);
        }
    }
}
