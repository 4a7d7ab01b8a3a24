package io.calmsdk.core.keys;

import io.calmsdk.core.exception.InvalidServiceKeyException;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads key files: bounded in size, and warns when others may read them. */
final class KeyFileReader {

    private static final Logger LOG = LoggerFactory.getLogger(KeyFileReader.class);

    /** Keys are a few kilobytes; anything far larger is not a key. */
    static final long MAX_BYTES = 1024 * 1024;

    private static final Set<PosixFilePermission> NOT_OWNER = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private KeyFileReader() {
    }

    static String read(Path file, String kind, String source, boolean warnIfShared) {
        try {
            if (Files.isDirectory(file)) {
                throw new InvalidServiceKeyException("$", kind + " from " + source + " cannot be read: it is a directory");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new InvalidServiceKeyException("$", kind + " from " + source + " is " + size
                        + " bytes long; a service key is a few kilobytes of JSON");
            }
            if (warnIfShared) {
                warnIfShared(file);
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidServiceKeyException("$", kind + " from " + source + " cannot be read: the file does not exist");
        } catch (IOException e) {
            throw new InvalidServiceKeyException("$", kind + " from " + source + " cannot be read: " + describe(e));
        }
    }

    static String describe(IOException e) {
        if (e instanceof MalformedInputException) {
            return "it is not UTF-8 text";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getClass().getSimpleName();
    }

    /** Logs a WARN when group or others have access; naming the file, never its content. */
    static void warnIfShared(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        Set<PosixFilePermission> perms = view.readAttributes().permissions();
        if (perms.stream().anyMatch(NOT_OWNER::contains)) {
            LOG.warn("Service key file {} can be read or written by group or others ({}); restrict it to its owner,"
                    + " e.g. chmod 600", file, PosixFilePermissions.toString(perms));
        }
    }
}
