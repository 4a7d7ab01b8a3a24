package io.calmsdk.testkit;

import com.fasterxml.jackson.databind.JsonNode;

/** The provisioning steps as raw HTTP calls, shared by the contract tests. */
final class Flows {

    final BtpSimulator sim;
    final RawHttp http = new RawHttp();

    Flows(BtpSimulator sim) {
        this.sim = sim;
    }

    String cisToken() {
        return http.token(sim.cisCentralKey().tree());
    }

    String entitlementsUrl() {
        return sim.cisCentralKey().tree().at("/endpoints/entitlements_service_url").asText();
    }

    String accountsUrl() {
        return sim.cisCentralKey().tree().at("/endpoints/accounts_service_url").asText();
    }

    String smUrl() {
        return sim.serviceManagerKey().tree().get("sm_url").asText();
    }

    String smToken() {
        return http.token(sim.serviceManagerKey().tree());
    }

    static String assignBody(String subaccount, String amountOrEnable) {
        return "{\"subaccountServicePlans\":[{\"serviceName\":\"SAPCloudALMAPIs\",\"servicePlanName\":\"standard\","
                + "\"assignmentInfo\":[{\"subaccountGUID\":\"" + subaccount + "\"," + amountOrEnable + "}]}]}";
    }

    /** Entitles the Cloud ALM plan through the API and polls until the assignment is OK. */
    void entitle(String subaccount) {
        String token = cisToken();
        RawHttp.Reply put = http.put(entitlementsUrl() + "/entitlements/v1/subaccountServicePlans", token,
                assignBody(subaccount, "\"amount\":1"));
        if (put.status() != 202) {
            throw new AssertionError("entitle failed: " + put.status() + " " + put.body());
        }
        for (int i = 0; i < 10; i++) {
            RawHttp.Reply reply = http.get(entitlementsUrl() + "/entitlements/v1/assignments?subaccountGUID="
                    + subaccount + "&serviceName=SAPCloudALMAPIs&planName=standard", token);
            JsonNode info = reply.json().at("/assignedServices/0/servicePlans/0/assignmentInfo/0");
            if ("OK".equals(info.path("entityState").asText())) {
                return;
            }
        }
        throw new AssertionError("entitlement never became OK");
    }

    static String calmParameters(String xsappname, String... scopes) {
        StringBuilder authorities = new StringBuilder();
        for (String scope : scopes) {
            authorities.append(authorities.length() == 0 ? "" : ",").append("\"$XSMASTERAPPNAME.").append(scope)
                    .append('"');
        }
        return "{\"xs-security\":{\"xsappname\":\"" + xsappname + "\",\"authorities\":[" + authorities
                + "],\"oauth2-configuration\":{\"credential-types\":[\"binding-secret\"]}}}";
    }

    static String instanceBody(String name, String parameters) {
        return "{\"name\":\"" + name + "\",\"service_offering_name\":\"SAPCloudALMAPIs\",\"service_plan_name\":"
                + "\"standard\",\"parameters\":" + parameters + ",\"labels\":{\"managed-by\":[\"calm-sdk\"]}}";
    }

    /** Polls an operation Location until it is no longer in progress and returns the last operation body. */
    JsonNode awaitOperation(String token, String location) {
        for (int i = 0; i < 20; i++) {
            JsonNode op = http.get(smUrl() + location, token).json();
            if (!"in progress".equals(op.path("state").asText())) {
                return op;
            }
        }
        throw new AssertionError("operation never finished: " + location);
    }

    /** Creates an instance asynchronously and waits for it; returns its id. */
    String createInstance(String token, String name, String parameters) {
        RawHttp.Reply reply = http.post(smUrl() + "/v1/service_instances", token, instanceBody(name, parameters));
        if (reply.status() != 202) {
            throw new AssertionError("create failed: " + reply.status() + " " + reply.body());
        }
        String location = reply.header("Location").orElseThrow();
        JsonNode op = awaitOperation(token, location);
        if (!"succeeded".equals(op.path("state").asText())) {
            throw new AssertionError("create did not succeed: " + op);
        }
        return op.get("resource_id").asText();
    }

    /** Creates a binding synchronously and returns the binding JSON. */
    JsonNode createBinding(String token, String instanceId, String name, String parameters) {
        RawHttp.Reply reply = http.post(smUrl() + "/v1/service_bindings?async=false", token,
                "{\"name\":\"" + name + "\",\"service_instance_id\":\"" + instanceId + "\""
                        + (parameters == null ? "" : ",\"parameters\":" + parameters) + "}");
        if (reply.status() != 201) {
            throw new AssertionError("binding failed: " + reply.status() + " " + reply.body());
        }
        return reply.json();
    }
}
