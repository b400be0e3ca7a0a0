package com.iusign.platform.app.faults;

import com.iusign.platform.lifecycle.TenantSuspended;
import com.iusign.platform.signing.EnvelopeSent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A test-only crash point: when a suspension whose reason contains the configured marker commits
 * (or an envelope of the configured tenant is sent), the process halts at once — after the commit and before any after-commit work of the platform
 * (its Redis invalidation, the event publication registry's listeners), as a SIGKILL at that
 * instant would. {@code Runtime.halt} runs no shutdown hook, so nothing is flushed or closed.
 *
 * <p>It registers a plain transaction synchronization from a synchronous listener rather than
 * being a transactional event listener itself: the event publication registry would store a
 * publication for such a listener and replay it after the restart.
 */
class CrashPoint {

    private final String marker;
    private final String envelopeTenant;

    CrashPoint(@Value("${faults.crash-after-commit:}") String marker, @Value("${faults.crash-after-envelope-sent-by:}") String envelopeTenant) {
        this.marker = marker;
        this.envelopeTenant = envelopeTenant;
    }

    @EventListener
    void on(TenantSuspended event) {
        if (!marker.isEmpty() && event.change().reason() != null && event.change().reason().contains(marker)) {
            haltAfterCommit("suspension of " + event.tenantId().value());
        }
    }

    /** An envelope sent by the configured tenant: telemetry's count of it must survive the crash exactly once. */
    @EventListener
    void on(EnvelopeSent event) {
        if (event.tenantId().toString().equals(envelopeTenant)) {
            haltAfterCommit("envelope " + event.envelopeId() + " sent");
        }
    }

    private static void haltAfterCommit(String what) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public int getOrder() {
                return Ordered.HIGHEST_PRECEDENCE;
            }

            @Override
            public void afterCommit() {
                System.out.println("CrashPoint: " + what + " committed; halting now");
                Runtime.getRuntime().halt(137);
            }
        });
    }
}
