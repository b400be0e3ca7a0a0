package com.iusign.platform.telemetry;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Concurrent writers of one tenant's usage row, interleaved on purpose: the value written last must be the one
 * counted last, and it must carry the latest {@code as_of} (the manifest keeps the announcement with the latest).
 * Both cases were seen as a tenant whose seats stayed short of its users in "Approaching limits".
 */
@ApplicationModuleTest(extraIncludes = {"lifecycle", "security", "mail", "domains", "identity", "signing"})
class UsageWriteOrderTests {

    private final UsageStore store;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    UsageWriteOrderTests(UsageStore store, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.store = store;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
    }

    @Test
    void aSeatRecountThatCountedFirstCannotWriteAfterALaterOne() throws Exception {
        UUID tenant = UUID.randomUUID();
        store.ensure(tenant); // the row exists, as it does once a tenant has any usage
        try (ExecutorService threads = sideBySide()) {
            recountsInterleaved(tenant, threads);
        }
        assertThat(store.row(tenant)).get().extracting(UsageStore.Row::seatsUsed).as("the recount that counted last").isEqualTo(3);
    }

    private void recountsInterleaved(UUID tenant, ExecutorService threads) throws Exception {
        CountDownLatch firstCounting = new CountDownLatch(1);
        CountDownLatch firstMayAnswer = new CountDownLatch(1);
        // The first recount counts 1 user and is slow to answer, as when its listener thread is descheduled.
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> tx.executeWithoutResult(status -> store.seats(tenant, () -> {
            firstCounting.countDown();
            hold(firstMayAnswer);
            return 1;
        })), threads);
        assertThat(firstCounting.await(10, TimeUnit.SECONDS)).isTrue();
        // The second counts after two more users were added: 3. It must count only after the first has written.
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> tx.executeWithoutResult(status -> store.seats(tenant, () -> 3)), threads);
        await().atMost(Duration.ofSeconds(10)).until(() -> second.isDone() || waitingForALock());
        firstMayAnswer.countDown();
        first.get(10, TimeUnit.SECONDS);
        second.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aWriteThatLandsLastCarriesTheLatestAsOfEvenIfItsTransactionStartedFirst() throws Exception {
        UUID tenant = UUID.randomUUID();
        store.ensure(tenant);
        Instant at = Instant.now();
        UsageStore.Row[] rows = new UsageStore.Row[2];
        try (ExecutorService threads = sideBySide()) {
            tx.executeWithoutResult(status -> {
                jdbc.sql("SELECT now()::text").query(String.class).single(); // the transaction's now() is fixed from here
                CompletableFuture.runAsync(() -> tx.executeWithoutResult(other -> {
                    store.envelopeSent(tenant, at);
                    rows[0] = store.row(tenant).orElseThrow();
                }), threads).join();
                store.envelopeSent(tenant, at);
                rows[1] = store.row(tenant).orElseThrow();
            });
        }

        assertThat(rows[1].envelopesTotal()).isEqualTo(2);
        assertThat(rows[1].asOf()).as("the second write's as_of").isAfter(rows[0].asOf());
    }

    /** Not the common pool: on two cores it has one thread, and these writers must run side by side. */
    private static ExecutorService sideBySide() {
        return Executors.newFixedThreadPool(2, Thread.ofVirtual().factory());
    }

    private boolean waitingForALock() {
        return jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%tenant_usage%'")
                .query(Integer.class).single() > 0;
    }

    private static void hold(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the first recount answer");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
