package io.calmsdk.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import io.calmsdk.core.exception.InvalidServiceKeyException;
import io.calmsdk.core.model.Contract;
import io.calmsdk.core.model.ServiceKey;
import io.calmsdk.core.testing.LogCapture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys from files and Kubernetes secret directories. */
class KeyFileSourcesTest {

    private static final String KEY = Contract.text("calm-service-key.json");

    @TempDir
    Path dir;

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private Path write(String name, String text, String perms) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        if (posix()) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(perms));
        }
        return file;
    }

    @Test
    void fromFile_ownerOnlyFile_isReadWithoutWarning() throws IOException {
        Path file = write("key.json", KEY, "rw-------");
        try (LogCapture logs = LogCapture.start()) {
            ServiceKey key = ServiceKeys.calm().fromFile(file);
            assertThat(key.uaa().clientSecret().orElseThrow().reveal()).isEqualTo("canary-calm-secret-0001");
            assertThat(logs.events()).noneMatch(e -> e.getLevel() == Level.WARN);
        }
    }

    @Test
    void fromFile_groupReadableFile_logsWarnNamingFileNotContent() throws IOException {
        assumeTrue(posix());
        Path file = write("shared-key.json", KEY, "rw-r-----");
        try (LogCapture logs = LogCapture.start()) {
            ServiceKeys.calm().fromFile(file);
            assertThat(logs.events()).anyMatch(e -> e.getLevel() == Level.WARN
                    && e.getFormattedMessage().contains(file.toString())
                    && e.getFormattedMessage().contains("rw-r-----"));
            assertThat(logs.text()).doesNotContain("canary");
        }
    }

    @Test
    void fromFile_worldReadableFile_logsWarn() throws IOException {
        assumeTrue(posix());
        Path file = write("world-key.json", KEY, "rw-r--r--");
        try (LogCapture logs = LogCapture.start()) {
            ServiceKeys.calm().fromFile(file);
            assertThat(logs.events()).filteredOn(e -> e.getLevel() == Level.WARN).hasSize(1);
        }
    }

    @Test
    void fromFile_missingDirectoryOrHuge_namesFile() throws IOException {
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> ServiceKeys.calm().fromFile(missing))
                .isInstanceOf(InvalidServiceKeyException.class)
                .hasMessageContaining("file " + missing)
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> ServiceKeys.calm().fromFile(dir))
                .isInstanceOf(InvalidServiceKeyException.class).hasMessageContaining("is a directory");
        Path huge = write("huge.json", "x".repeat((int) KeyFileReader.MAX_BYTES + 1), "rw-------");
        assertThatThrownBy(() -> ServiceKeys.calm().fromFile(huge))
                .isInstanceOf(InvalidServiceKeyException.class).hasMessageContaining("a few kilobytes");
    }

    @Test
    void fromFile_notUtf8_saysSo() throws IOException {
        Path file = dir.resolve("latin1.json");
        Files.write(file, new byte[] {'{', (byte) 0xff, (byte) 0xfe, '}'});
        assertThatThrownBy(() -> ServiceKeys.calm().fromFile(file))
                .isInstanceOf(InvalidServiceKeyException.class).hasMessageContaining("not UTF-8");
    }

    @Test
    void fromFile_unreadable_saysPermissionDenied() throws IOException {
        assumeTrue(posix() && !"root".equals(System.getProperty("user.name")));
        Path file = write("locked.json", KEY, "---------");
        assertThatThrownBy(() -> ServiceKeys.calm().fromFile(file))
                .isInstanceOf(InvalidServiceKeyException.class).hasMessageContaining("permission denied");
    }

    @Test
    void fromFile_invalidKey_namesFileAndPath() throws IOException {
        Path file = write("bad.json", "{\"endpoints\":{\"Api\":\"https://x.example/api\"},\"uaa\":{\"clientid\":\"c\"}}", "rw-------");
        assertThatThrownBy(() -> ServiceKeys.calm().fromFile(file))
                .isInstanceOf(InvalidServiceKeyException.class)
                .hasMessageContaining("uaa.clientsecret is missing")
                .hasMessageContaining("(read from file " + file + ")");
    }

    @Test
    void fromKubernetesSecret_filePerTopLevelKey_isAssembled() throws IOException {
        Path secret = Files.createDirectory(dir.resolve("secret"));
        Files.writeString(secret.resolve("endpoints"), "{\"Api\":\"https://mytenant.eu10.alm.cloud.sap/api\"}");
        Files.writeString(secret.resolve("uaa"), "{\"clientid\":\"sb-x\",\"clientsecret\":\"canary-k8s-0008\","
                + "\"url\":\"https://mysub.authentication.eu10.hana.ondemand.com\"}");
        Files.writeString(secret.resolve("instance_name"), "calm-api");
        Files.writeString(secret.resolve("type"), "SAPCloudALMAPIs");
        Files.writeString(secret.resolve("tags"), "[\"calm\"]");
        Files.writeString(secret.resolve("broken"), "{not json");
        ServiceKey key = ServiceKeys.calm().fromKubernetesSecret(secret);
        assertThat(key.uaa().clientSecret().orElseThrow().reveal()).isEqualTo("canary-k8s-0008");
        assertThat(key.field("instance_name")).contains("calm-api");
        assertThat(key.field("broken")).contains("{not json");
    }

    @Test
    void fromKubernetesSecret_singleSecretKeyFile_isUsedWhole() throws IOException {
        Path secret = Files.createDirectory(dir.resolve("secret"));
        Files.writeString(secret.resolve("secretKey"), KEY);
        assertThat(ServiceKeys.calm().fromKubernetesSecret(secret).uaa().clientSecret().orElseThrow().reveal())
                .isEqualTo("canary-calm-secret-0001");
    }

    @Test
    void fromKubernetesSecret_atomicWriterLayoutWithSymlinks_isRead() throws IOException {
        assumeTrue(posix());
        Path secret = Files.createDirectory(dir.resolve("mounted"));
        Path data = Files.createDirectory(secret.resolve("..2025_03_04_10_15_30.123456789"));
        Files.writeString(data.resolve("credentials"), KEY);
        Files.createSymbolicLink(secret.resolve("..data"), data.getFileName());
        Files.createSymbolicLink(secret.resolve("credentials"), Path.of("..data", "credentials"));
        try (LogCapture logs = LogCapture.start()) {
            ServiceKey key = ServiceKeys.calm().fromKubernetesSecret(secret);
            assertThat(key.apiEndpoint().getHost()).isEqualTo("mytenant.eu10.alm.cloud.sap");
            assertThat(logs.events()).noneMatch(e -> e.getLevel() == Level.WARN);
        }
    }

    @Test
    void fromKubernetesSecret_problems_nameDirectory() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertThatThrownBy(() -> ServiceKeys.calm().fromKubernetesSecret(empty))
                .isInstanceOf(InvalidServiceKeyException.class).hasMessageContaining("no files found");
        assertThatThrownBy(() -> ServiceKeys.calm().fromKubernetesSecret(dir.resolve("absent")))
                .isInstanceOf(InvalidServiceKeyException.class).hasMessageContaining("not a directory");
        Path partial = Files.createDirectory(dir.resolve("partial"));
        Files.writeString(partial.resolve("endpoints"), "{\"Api\":\"https://t.example/api\"}");
        assertThatThrownBy(() -> ServiceKeys.calm().fromKubernetesSecret(partial))
                .isInstanceOf(InvalidServiceKeyException.class)
                .hasMessageContaining("uaa is missing")
                .hasMessageContaining("Kubernetes secret directory " + partial);
    }

    @Test
    void fromKubernetesSecret_serviceManagerKeyFiles() throws IOException {
        Path secret = Files.createDirectory(dir.resolve("sm"));
        Files.writeString(secret.resolve("clientid"), "sb-sm");
        Files.writeString(secret.resolve("clientsecret"), "canary-sm-k8s-0009");
        Files.writeString(secret.resolve("sm_url"), "https://service-manager.cfapps.eu10.hana.ondemand.com");
        Files.writeString(secret.resolve("url"), "https://mysub.authentication.eu10.hana.ondemand.com");
        assertThat(ServiceKeys.serviceManager().fromKubernetesSecret(secret).credentials().clientId()).isEqualTo("sb-sm");
    }
}
