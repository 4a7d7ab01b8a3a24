package io.calmsdk.btp;

import java.util.List;
import java.util.Objects;

/**
 * What {@link CloudAlmProvisioner#rotateBinding(BindingRequest, java.time.Duration)} did: the new
 * binding and key (in {@link #current()}) and the ids of the old bindings deleted after the grace
 * period. Immutable and thread-safe.
 */
public final class RotationResult {

    private final ProvisioningResult current;
    private final List<String> retiredBindingIds;

    RotationResult(ProvisioningResult current, List<String> retiredBindingIds) {
        this.current = Objects.requireNonNull(current, "current");
        this.retiredBindingIds = List.copyOf(retiredBindingIds);
    }

    /**
     * The result holding the new binding and its service key.
     *
     * @return the result of the rotation
     */
    public ProvisioningResult current() {
        return current;
    }

    /**
     * The bindings that were replaced and deleted.
     *
     * @return their ids, possibly empty when there was nothing to replace
     */
    public List<String> retiredBindingIds() {
        return retiredBindingIds;
    }

    @Override
    public String toString() {
        return "RotationResult{binding=" + current.binding().name() + " (" + current.binding().id() + "), retired="
                + retiredBindingIds + "}";
    }
}
