package com.iusign.platform.lifecycle;

import com.iusign.platform.kernel.IllegalTransition;

import java.util.Set;
import java.util.stream.Collectors;

/** A status move the lifecycle does not allow from the tenant's current status. */
public class IllegalTransitionException extends IllegalTransition {

    private final TenantStatus current;
    private final TenantStatus requested;

    public IllegalTransitionException(TenantStatus current, TenantStatus requested) {
        super("Cannot " + requested.verb() + " a tenant that is " + current.name() + "; " + allowed(current.allowedTargets()),
                current.name(), current.allowedTargets().stream().map(TenantStatus::verb).sorted().toList());
        this.current = current;
        this.requested = requested;
    }

    public TenantStatus current() {
        return current;
    }

    public TenantStatus requested() {
        return requested;
    }

    private static String allowed(Set<TenantStatus> targets) {
        if (targets.isEmpty()) {
            return "a deactivated tenant allows no further status change";
        }
        return "allowed from here: " + targets.stream().map(TenantStatus::verb).sorted().collect(Collectors.joining(", "));
    }
}
