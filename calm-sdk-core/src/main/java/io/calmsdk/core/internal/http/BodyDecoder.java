package io.calmsdk.core.internal.http;

import java.io.IOException;

/**
 * Decodes the body of a 2xx answer inside the attempt that received it, so that the one pass over the body
 * that builds the objects is also the check that the body is whole: a {@code StreamReadException} (a syntax
 * error or a body cut short) on an idempotent request whose answer says it is JSON is retried like a broken
 * connection; any other failure is kept and given to the caller with the answer.
 *
 * @param <T> what the body decodes to
 */
@FunctionalInterface
public interface BodyDecoder<T> {

    /**
     * Decodes the body, reading it to its end.
     *
     * @param body the whole body, never {@code null}
     * @return the decoded value
     * @throws IOException if the body cannot be read as the value
     */
    T decode(byte[] body) throws IOException;
}
