package io.calmsdk.core.keys;

import com.fasterxml.jackson.databind.JsonNode;

/** One chosen {@code VCAP_SERVICES} entry: its credentials and the name to report. */
record VcapEntry(String displayName, JsonNode credentials) {
}
