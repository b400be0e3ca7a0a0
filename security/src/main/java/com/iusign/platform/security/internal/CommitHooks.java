package com.iusign.platform.security.internal;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work around the commit of the current transaction: Redis is told only about committed truth, and
 * warned just before it (see {@link GateCache#tenantChanging}). Without a transaction the change
 * is committed already, so only the after-commit work runs, at once.
 */
final class CommitHooks {

    private CommitHooks() {
    }

    /** {@code before} runs as the last step before the commit (a failure there is logged by the work itself, never rolls back). */
    static void around(Runnable before, Runnable after) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    before.run();
                }

                @Override
                public void afterCommit() {
                    after.run();
                }
            });
        } else {
            after.run();
        }
    }
}
