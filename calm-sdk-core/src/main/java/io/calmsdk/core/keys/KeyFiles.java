package io.calmsdk.core.keys;

import io.calmsdk.core.exception.CalmClientException;
import io.calmsdk.core.model.CisKey;
import io.calmsdk.core.model.ServiceKey;
import io.calmsdk.core.model.ServiceManagerKey;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes service keys to disk the safe way: readable by the owner only and replaced atomically, so a
 * reader never sees half a key and no other user ever sees any of it. The written file reads back
 * with {@link ServiceKeys} (secrets intact, unknown fields kept).
 *
 * <p>On POSIX file systems the file is created with permissions {@code 0600} from the start (a temporary
 * file in the same directory, then an atomic rename), never widened and narrowed afterwards. On file
 * systems with ACLs instead (Windows) the temporary file's ACL is reduced to its owner before the key is
 * written into it. Elsewhere the platform's default for new files applies.
 */
final class KeyFiles {

    private static final Logger LOG = LoggerFactory.getLogger(KeyFiles.class);

    private KeyFiles() {
    }

    /**
     * Writes a Cloud ALM key, secrets in clear, owner-only and atomically.
     *
     * @param file the target file; its directory must exist
     * @param key the key
     * @throws CalmClientException when the file cannot be written (the message names the file, never the key)
     */
    static void write(Path file, ServiceKey key) {
        writeText(file, Objects.requireNonNull(key, "key").revealJson());
    }

    /**
     * Writes a Cloud Management key, secrets in clear, owner-only and atomically.
     *
     * @param file the target file; its directory must exist
     * @param key the key
     * @throws CalmClientException when the file cannot be written
     */
    static void write(Path file, CisKey key) {
        writeText(file, Objects.requireNonNull(key, "key").revealJson());
    }

    /**
     * Writes a Service Manager key, secrets in clear, owner-only and atomically.
     *
     * @param file the target file; its directory must exist
     * @param key the key
     * @throws CalmClientException when the file cannot be written
     */
    static void write(Path file, ServiceManagerKey key) {
        writeText(file, Objects.requireNonNull(key, "key").revealJson());
    }

    private static void writeText(Path file, String text) {
        Objects.requireNonNull(file, "file");
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Path temp = null;
        try {
            temp = createOwnerOnlyTempFile(dir, target.getFileName().toString());
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            move(temp, target);
            temp = null;
            LOG.debug("Wrote service key file {} (owner-only)", target);
        } catch (IOException e) {
            throw new CalmClientException("Cannot write service key file " + target + ": " + describe(e)
                    + "; check that the directory exists and is writable");
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    LOG.warn("Could not delete temporary key file {}: {}", temp, e.getClass().getSimpleName());
                }
            }
        }
    }

    static Path createOwnerOnlyTempFile(Path dir, String name) throws IOException {
        FileSystem fs = dir.getFileSystem();
        String prefix = "." + name + ".";
        if (fs.supportedFileAttributeViews().contains("posix")) {
            FileAttribute<?> ownerOnly = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
            return Files.createTempFile(dir, prefix, ".tmp", ownerOnly);
        }
        Path temp = Files.createTempFile(dir, prefix, ".tmp");
        AclFileAttributeView acl = Files.getFileAttributeView(temp, AclFileAttributeView.class);
        if (acl != null) {
            UserPrincipal owner = Files.getOwner(temp);
            acl.setAcl(List.of(AclEntry.newBuilder()
                    .setType(AclEntryType.ALLOW)
                    .setPrincipal(owner)
                    .setPermissions(EnumSet.allOf(AclEntryPermission.class))
                    .build()));
        } else {
            LOG.warn("File system of {} supports neither POSIX permissions nor ACLs; the key file gets the default"
                    + " permissions of new files there", dir);
        }
        return temp;
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            LOG.debug("Atomic rename not supported for {}; replacing it non-atomically", target);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "the directory does not exist";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getClass().getSimpleName();
    }
}
