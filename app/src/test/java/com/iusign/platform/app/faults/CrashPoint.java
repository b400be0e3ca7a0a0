package com.iusign.platform.app.faults;

import com.iusign.platform.lifecycle.TenantSuspended;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A test-only crash point: when a suspension whose reason contains the configured marker commits,
 * the process halts at once — after the commit and before any after-commit work of the platform
 * (its Redis invalidation, the event publication registry's listeners), as a SIGKILL at that
 * instant would. {@code Runtime.halt} runs no shutdown hook, so nothing is flushed or closed.
 *
 * <p>It registers a plain transaction synchronization from a synchronous listener rather than
 * being a transactional event listener itself: the event publication registry would store a
 * publication for such a listener and replay it after the restart.
 */
class CrashPoint {

    private final String marker;

    CrashPoint(@Value("${faults.crash-after-commit:}") String marker) {
        this.marker = marker;
    }

    @EventListener
    void on(TenantSuspended event) {
        if (marker.isEmpty() || event.change().reason() == null || !event.change().reason().contains(marker)) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public int getOrder() {
                return Ordered.HIGHEST_PRECEDENCE;
            }

            @Override
            public void afterCommit() {
                System.out.println("CrashPoint: suspension of " + event.tenantId().value() + " committed; halting now");
                Runtime.getRuntime().halt(137);
            }
        });
    }
}
