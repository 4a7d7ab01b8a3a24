package io.calmsdk.spring.boot.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Key JSON for tests, each with a canary secret that must never show up anywhere. */
final class Keys {

    static final String CALM_SECRET = "canary-starter-calm-secret-7f3a";
    static final String CIS_SECRET = "canary-starter-cis-secret-91c2";
    static final String SM_SECRET = "canary-starter-sm-secret-44d8";

    private Keys() {
    }

    static String calm(String apiEndpoint) {
        return "{\"endpoints\":{\"Api\":\"" + apiEndpoint + "\"},\"uaa\":{"
                + "\"clientid\":\"sb-calm-api!b1234|calm-api!b5678\",\"clientsecret\":\"" + CALM_SECRET + "\","
                + "\"url\":\"https://mysub.authentication.eu10.hana.ondemand.com\",\"identityzone\":\"mysub\","
                + "\"xsappname\":\"calm-api!b1234\"}}";
    }

    static String calm() {
        return calm("https://mytenant.eu10.alm.cloud.sap/api");
    }

    static String cis() {
        return "{\"endpoints\":{\"accounts_service_url\":\"https://accounts-service.cfapps.eu10.hana.ondemand.com\","
                + "\"entitlements_service_url\":\"https://entitlements-service.cfapps.eu10.hana.ondemand.com\"},"
                + "\"grant_type\":\"client_credentials\",\"uaa\":{\"clientid\":\"sb-ut-cis-central!b14|cis-central!b14\","
                + "\"clientsecret\":\"" + CIS_SECRET + "\",\"url\":\"https://mysub.authentication.eu10.hana.ondemand.com\"}}";
    }

    static String serviceManager() {
        return "{\"clientid\":\"sb-sm-admin!b1|service-manager!b1\",\"clientsecret\":\"" + SM_SECRET + "\","
                + "\"sm_url\":\"https://service-manager.cfapps.eu10.hana.ondemand.com\","
                + "\"url\":\"https://mysub.authentication.eu10.hana.ondemand.com\",\"xsappname\":\"sm-admin!b1\"}";
    }

    /** VCAP_SERVICES with one SAPCloudALMAPIs entry per name (each with its own endpoint), plus an unrelated service. */
    static String vcap(String... names) {
        StringBuilder calm = new StringBuilder();
        for (String name : names) {
            if (calm.length() > 0) {
                calm.append(',');
            }
            calm.append("{\"label\":\"SAPCloudALMAPIs\",\"plan\":\"standard\",\"name\":\"").append(name)
                    .append("\",\"instance_name\":\"").append(name).append("\",\"credentials\":")
                    .append(calm("https://" + name + ".eu10.alm.cloud.sap/api")).append('}');
        }
        return "{\"xsuaa\":[{\"label\":\"xsuaa\",\"name\":\"my-xsuaa\",\"credentials\":{\"clientid\":\"x\"}}]"
                + (names.length == 0 ? "" : ",\"SAPCloudALMAPIs\":[" + calm + "]") + "}";
    }

    /** A Kubernetes secret directory as the SAP BTP service operator writes it: one file per field. */
    static Path secretDirectory(Path dir, String apiHost, String type) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("endpoints"), "{\"Api\":\"https://" + apiHost + "/api\"}");
            Files.writeString(dir.resolve("uaa"), "{\"clientid\":\"sb-calm-api!b1234|calm-api!b5678\",\"clientsecret\":\""
                    + CALM_SECRET + "\",\"url\":\"https://mysub.authentication.eu10.hana.ondemand.com\"}");
            if (type != null) {
                Files.writeString(dir.resolve("type"), type);
            }
            Files.writeString(dir.resolve("plan"), "standard");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
