package io.calmsdk.btp;

/** The listener that ignores everything. */
final class NoOpListener implements ProvisioningListener {

    static final NoOpListener INSTANCE = new NoOpListener();

    private NoOpListener() {
    }

    @Override
    public String toString() {
        return "ProvisioningListener.none()";
    }
}
