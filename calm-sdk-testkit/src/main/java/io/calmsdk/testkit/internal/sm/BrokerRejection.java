package io.calmsdk.testkit.internal.sm;

/**
 * The broker refused parameters. Asynchronously this fails the operation; synchronously it is a 400 with
 * a {@code broker_error}.
 */
final class BrokerRejection extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BrokerRejection(String message) {
        super(message, null, false, false);
    }
}
