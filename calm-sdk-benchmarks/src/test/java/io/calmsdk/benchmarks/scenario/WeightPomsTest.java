package io.calmsdk.benchmarks.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The B7 baseline poms stand alone (they cannot inherit); their versions must still be the module's. */
class WeightPomsTest {

    @ParameterizedTest
    @CsvSource({
        "weights/sap-token-client/pom.xml, sap.token-client.version",
        "weights/sap-token-client/pom.xml, apache.httpclient.version",
        "weights/sap-token-client/pom.xml, maven-dependency-plugin.version",
        "weights/sap-cloud-sdk/pom.xml, sap.cloud-sdk.version",
        "weights/sap-cloud-sdk/pom.xml, maven-dependency-plugin.version",
    })
    void weightPom_versionProperty_equalsModulePom(String pom, String property) throws IOException {
        // Surefire runs in the module directory.
        String module = Files.readString(Path.of("pom.xml"));
        String weights = Files.readString(Path.of(pom));

        assertThat(property(weights, property)).isEqualTo(property(module, property));
    }

    private static String property(String pom, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</" + Pattern.quote(name) + ">").matcher(pom);
        assertThat(m.find()).as("property %s", name).isTrue();
        return m.group(1).trim();
    }
}
