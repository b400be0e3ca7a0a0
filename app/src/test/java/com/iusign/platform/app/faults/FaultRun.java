package com.iusign.platform.app.faults;

import com.iusign.platform.app.AdminApiClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The knobs of a fault run, where its figures go, and the promises every case is held to. {@code ./mvnw verify} runs the short form
 * (a few seconds of load per window); the long form of docs/reliability.md sets
 * {@code -Dfaults.seconds}, {@code -Dfaults.rate} and {@code -Dfaults.instances}. Every case
 * appends its table to {@code target/faults/results.md}.
 */
final class FaultRun {

    /** Seconds of load in each window (before, during, after a fault). */
    static final int SECONDS = Integer.getInteger("faults.seconds", 3);
    /** Requests per second the load sends, over all instances. */
    static final int RATE = Integer.getInteger("faults.rate", 120);
    /** How many platform instances (separate JVMs) a case starts. */
    static final int INSTANCES = Integer.getInteger("faults.instances", 2);
    static final int WORKERS = 48;

    private FaultRun() {
    }

    static Duration window() {
        return Duration.ofSeconds(SECONDS);
    }

    /** Keeps the load running for one window: the figures are measured over it (a duration, not a wait for a result). */
    static void hold() throws InterruptedException {
        Thread.sleep(window());
    }

    /** Appends a case's table (and its notes) to target/faults/results.md and prints it. */
    static void report(String fault, String notes, List<LoadSummary> windows) {
        StringBuilder text = new StringBuilder("\n### ").append(fault).append("\n\n")
                .append("Load: %d req/s over %d instance(s), %d workers; windows of %d s. %s%n%n".formatted(RATE, INSTANCES, WORKERS, SECONDS, notes))
                .append(LoadSummary.header()).append('\n');
        windows.forEach(window -> text.append(window.row()).append('\n'));
        windows.forEach(window -> text.append("\n<!-- ").append(window.window()).append(": ").append(window.byStatus()).append(" -->"));
        text.append('\n');
        System.out.println(text);
        try {
            Path results = Files.createDirectories(Path.of("target", "faults")).resolve("results.md");
            Files.writeString(results, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reports the case and holds it to the promises: no revoked credential accepted in any window,
     * no server error once recovered, the suspension made during the fault kept and audited once.
     */
    static void judge(String fault, String notes, List<LoadSummary> windows, AdminApiClient admin, GateLoad.Tenant victim)
            throws IOException, InterruptedException {
        report(fault, notes, windows);
        assertThat(windows).allSatisfy(window -> assertThat(window.revokedAccepted()).as(window.window()).isZero());
        assertThat(windows.getLast().serverErrors()).as("no 5xx once recovered").isZero();
        assertSuspendedOnce(admin, victim);
    }

    /** Suspends through the admin API and marks the tenant's credentials revoked from the acknowledgment on. */
    static void suspend(AdminApiClient admin, GateLoad.Tenant victim, String reason) throws IOException, InterruptedException {
        victim.revoking();
        AdminApiClient.Reply reply = admin.post("/api/admin/tenants/" + victim.id + "/suspend", "{\"reason\":\"" + reason + "\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        victim.revokeNow();
    }

    static void assertSuspendedOnce(AdminApiClient admin, GateLoad.Tenant victim) throws IOException, InterruptedException {
        assertThat(admin.get("/api/admin/tenants/" + victim.id).text("/status")).isEqualTo("SUSPENDED");
        assertThat(admin.get("/api/admin/audit?tenantId=" + victim.id + "&action=tenant.suspended").json().get("items").size())
                .as("the suspension in the audit trail exactly once").isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(admin.get("/api/admin/manifest?q=" + victim.slug)
                .text("/items/0/status")).as("the manifest").isEqualTo("SUSPENDED"));
    }

    static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
