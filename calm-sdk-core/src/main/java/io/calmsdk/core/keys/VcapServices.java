package io.calmsdk.core.keys;

import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.core.exception.InvalidServiceKeyException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Chooses the entry of a {@code VCAP_SERVICES} document: by label ({@code SAPCloudALMAPIs},
 * {@code cis}, {@code service-manager}), then by instance or binding name when one is given.
 */
final class VcapServices {

    private VcapServices() {
    }

    static VcapEntry select(JsonNode vcap, String label, Optional<String> name, String kind) {
        List<JsonNode> all = new ArrayList<>();
        List<JsonNode> labelled = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = vcap.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> group = it.next();
            if (!group.getValue().isArray()) {
                continue;
            }
            for (JsonNode entry : group.getValue()) {
                if (!entry.isObject()) {
                    continue;
                }
                all.add(entry);
                if (group.getKey().equals(label) || label.equals(entry.path("label").asText(null))) {
                    labelled.add(entry);
                }
            }
        }
        if (name.isPresent()) {
            List<JsonNode> matches = matching(labelled, name.get());
            if (matches.isEmpty()) {
                // A user-provided service carrying the key is found by its name alone.
                matches = matching(all, name.get());
            }
            if (matches.size() == 1) {
                return entry(matches.get(0), kind);
            }
            String problem = matches.isEmpty() ? "has no entry named '" + name.get() + "'"
                    : "has " + matches.size() + " entries named '" + name.get() + "'";
            throw new InvalidServiceKeyException("$", kind + " from VCAP_SERVICES: VCAP_SERVICES " + problem
                    + "; available " + describe(labelled.isEmpty() ? all : labelled, label));
        }
        if (labelled.size() == 1) {
            return entry(labelled.get(0), kind);
        }
        String problem = labelled.isEmpty() ? "has no entry with label '" + label + "'"
                : "has " + labelled.size() + " entries with label '" + label + "'; choose one by instance or binding name";
        throw new InvalidServiceKeyException("$", kind + " from VCAP_SERVICES: VCAP_SERVICES " + problem
                + "; available " + describe(labelled.isEmpty() ? all : labelled, label));
    }

    private static List<JsonNode> matching(List<JsonNode> entries, String name) {
        return entries.stream()
                .filter(e -> name.equals(e.path("name").asText(null))
                        || name.equals(e.path("instance_name").asText(null))
                        || name.equals(e.path("binding_name").asText(null)))
                .collect(Collectors.toList());
    }

    private static VcapEntry entry(JsonNode entry, String kind) {
        String display = names(entry);
        JsonNode credentials = entry.get("credentials");
        if (credentials == null || !credentials.isObject()) {
            throw new InvalidServiceKeyException("credentials", kind + " from VCAP_SERVICES entry '" + display
                    + "' is invalid: credentials is missing");
        }
        return new VcapEntry(display, credentials);
    }

    private static String names(JsonNode entry) {
        List<String> names = new ArrayList<>();
        for (String f : new String[] {"name", "instance_name", "binding_name"}) {
            String v = entry.path(f).asText(null);
            if (v != null && !v.isBlank() && !names.contains(v)) {
                names.add(v);
            }
        }
        return names.isEmpty() ? "(unnamed)" : String.join("/", names);
    }

    private static String describe(List<JsonNode> entries, String label) {
        if (entries.isEmpty()) {
            return "entries: none";
        }
        return "entries (label: name): " + entries.stream()
                .map(e -> e.path("label").asText(label) + ": " + names(e))
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
