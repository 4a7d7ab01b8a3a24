package io.calmsdk.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import io.calmsdk.core.exception.CalmClientException;
import io.calmsdk.core.model.CisKey;
import io.calmsdk.core.model.Contract;
import io.calmsdk.core.model.ServiceKey;
import io.calmsdk.core.model.ServiceManagerKey;
import io.calmsdk.core.testing.LogCapture;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFilesTest {

    @TempDir
    Path dir;

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    @Test
    void write_serviceKey_isOwnerOnlyAndReadsBackIntact() throws IOException {
        ServiceKey key = ServiceKeys.calm().fromJson(Contract.text("calm-service-key.json"));
        Path file = dir.resolve("calm-key.json");
        try (LogCapture logs = LogCapture.start()) {
            ServiceKeys.write(file, key);
            if (posix()) {
                assertThat(Files.getPosixFilePermissions(file))
                        .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
            }
            ServiceKey back = ServiceKeys.calm().fromFile(file);
            assertThat(back).isEqualTo(key);
            assertThat(back.uaa().clientSecret().orElseThrow().reveal()).isEqualTo("canary-calm-secret-0001");
            assertThat(back.field("uaa", "tenantid")).isEqualTo(key.field("uaa", "tenantid")).isPresent();
            assertThat(logs.events()).noneMatch(e -> e.getLevel() == Level.WARN);
            assertThat(logs.text()).doesNotContain("canary");
        }
    }

    @Test
    void write_replacesExistingGroupReadableFileAtomicallyWithOwnerOnly() throws IOException {
        assumeTrue(posix());
        Path file = dir.resolve("key.json");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        ServiceKeys.write(file, ServiceKeys.calm().fromJson(Contract.text("calm-service-key.json")));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file); // no temporary file left behind
        }
    }

    @Test
    void createOwnerOnlyTempFile_hasOwnerOnlyPermissionsFromTheStart() throws IOException {
        assumeTrue(posix());
        Path temp = KeyFiles.createOwnerOnlyTempFile(dir, "k.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(temp))).isEqualTo("rw-------");
        assertThat(temp.getFileName().toString()).startsWith(".k.json.").endsWith(".tmp");
        assertThat(temp.getParent()).isEqualTo(dir);
    }

    @Test
    void write_cisAndServiceManagerKeys_roundTrip() {
        CisKey cis = ServiceKeys.cis().fromJson(Contract.text("cis-central-key.json"));
        Path cisFile = dir.resolve("cis.json");
        ServiceKeys.write(cisFile, cis);
        assertThat(ServiceKeys.cis().fromFile(cisFile)).isEqualTo(cis);
        ServiceManagerKey sm = ServiceKeys.serviceManager().fromJson(Contract.text("service-manager-key-x509.json"));
        Path smFile = dir.resolve("sm.json");
        ServiceKeys.write(smFile, sm);
        ServiceManagerKey back = ServiceKeys.serviceManager().fromFile(smFile);
        assertThat(back).isEqualTo(sm);
        assertThat(back.credentials().privateKey().orElseThrow().reveal()).contains("canary-sm-private-key-0005");
    }

    @Test
    void write_nonPosixFileSystem_fallsBackAndWarns() throws IOException {
        Path zip = dir.resolve("keys.zip");
        try (java.nio.file.FileSystem zipFs = FileSystems.newFileSystem(zip, java.util.Map.of("create", "true"))) {
            assumeTrue(!zipFs.supportedFileAttributeViews().contains("posix")
                    && !zipFs.supportedFileAttributeViews().contains("acl"));
            Path file = zipFs.getPath("/calm-key.json");
            ServiceKey key = ServiceKeys.calm().fromJson(Contract.text("calm-service-key.json"));
            try (LogCapture logs = LogCapture.start()) {
                ServiceKeys.write(file, key);
                assertThat(logs.events()).anyMatch(e -> e.getLevel() == Level.WARN
                        && e.getFormattedMessage().contains("neither POSIX permissions nor ACLs"));
                assertThat(logs.text()).doesNotContain("canary");
            }
            assertThat(ServiceKeys.calm().fromFile(file)).isEqualTo(key);
        }
    }

    @Test
    void write_missingDirectory_namesFileNotKey() {
        ServiceKey key = ServiceKeys.calm().fromJson(Contract.text("calm-service-key.json"));
        Path file = dir.resolve("absent").resolve("key.json");
        assertThatThrownBy(() -> ServiceKeys.write(file, key))
                .isInstanceOf(CalmClientException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("directory does not exist")
                .hasMessageNotContaining("canary");
    }
}
