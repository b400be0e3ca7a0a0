package com.iusign.platform.app.faults;

import com.iusign.platform.app.AdminApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An instance killed right after it committed a suspension and before anything after the commit
 * ran (its Redis invalidation, the event listeners): the other instances must enforce the
 * suspension on their very next request although nobody told them, and once the dead instance is
 * back the manifest shows it and the audit trail holds it exactly once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashAfterCommitTests {

    private static final String MARKER = "[crash-after-commit]";

    private final HttpClient http = HttpClient.newHttpClient();
    private FaultCluster cluster;

    @BeforeAll
    void startCluster() throws Exception {
        cluster = FaultCluster.start("crash-after-commit", FaultRun.INSTANCES);
    }

    @AfterAll
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aSuspensionCommittedByAnInstanceThatDiedBeforeItsListenersIsEnforcedEverywhereAndRecordedOnce() throws Exception {
        PlatformProcess survivor = cluster.instance(1);
        List<GateLoad.Tenant> tenants = new ArrayList<>();
        for (int index = 0; index < 4; index++) {
            tenants.add(cluster.tenant(survivor));
        }
        GateLoad.Tenant victim = tenants.getFirst();
        PlatformProcess doomed = cluster.relaunch(0, "--faults.crash-after-commit=" + MARKER);
        AdminApiClient doomedAdmin = cluster.admin(doomed);

        try (GateLoad load = new GateLoad(cluster::liveUrls, tenants, FaultRun.RATE, FaultRun.WORKERS)) {
            load.start();
            long start = System.nanoTime();
            FaultRun.hold();
            long faultAt = System.nanoTime();
            suspendThroughTheDoomedInstance(doomedAdmin, victim);
            assertThat(doomed.awaitExit(Duration.ofSeconds(30))).as("the crash point halted the instance").isTrue();
            victim.revokeNow();
            assertThat(me(survivor, victim.accessToken)).as("the survivor's very next request for the suspended tenant").isEqualTo(403);

            FaultRun.hold();
            long restartAt = System.nanoTime();
            cluster.restart(0);
            long restarted = System.nanoTime();
            FaultRun.hold();
            long end = System.nanoTime();
            load.close();

            List<GateLoad.Answer> answers = load.answers();
            List<LoadSummary> windows = List.of(LoadSummary.of("before", answers, start, faultAt),
                    LoadSummary.of("crash → restart", answers, faultAt, restartAt),
                    LoadSummary.of("restarting (" + (restarted - restartAt) / 1_000_000 + " ms)", answers, restartAt, restarted),
                    LoadSummary.of("after restart", answers, restarted, end));
            FaultRun.report("An instance killed right after committing a suspension",
                    "The suspension is sent to instance-0, which halts (exit 137) after the commit and before any after-commit work.",
                    windows);
            windows.forEach(window -> assertThat(window.revokedAccepted()).as("revoked credentials accepted in " + window).isZero());
        }

        AdminApiClient admin = cluster.admin(cluster.instance(0));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(admin.get("/api/admin/manifest?q=" + victim.slug).text("/items/0/status"))
                .as("the manifest, its projection replayed after the restart").isEqualTo("SUSPENDED"));
        assertThat(admin.get("/api/admin/tenants/" + victim.id).text("/status")).isEqualTo("SUSPENDED");
        assertThat(admin.get("/api/admin/audit?tenantId=" + victim.id + "&action=tenant.suspended").json().get("items").size())
                .as("the suspension in the audit trail exactly once").isEqualTo(1);
        for (PlatformProcess instance : cluster.instances()) {
            assertThat(me(instance, victim.accessToken)).as(instance.name + " refuses the suspended tenant").isEqualTo(403);
            assertThat(me(instance, tenants.get(1).accessToken)).as(instance.name + " admits an active tenant").isEqualTo(200);
        }
    }

    @Test
    void anEnvelopeSentThroughAnInstanceThatDiedBeforeItsListenersIsCountedOnceAfterTheRestart() throws Exception {
        PlatformProcess survivor = cluster.instance(1);
        AdminApiClient survivorAdmin = cluster.admin(survivor);
        AdminApiClient.TenantOwner owner = survivorAdmin.tenantOwner("enterprise");
        PlatformProcess doomed = cluster.relaunch(0, "--faults.crash-after-envelope-sent-by=" + owner.tenantId());
        AdminApiClient doomedApi = cluster.admin(doomed);
        String envelope = doomedApi.multipart(owner.accessToken(), "/api/v1/envelopes", java.util.Map.of("title", "Sent as the instance dies",
                        "recipients", "[{\"name\":\"Signer\",\"email\":\"signer@" + owner.slug() + ".test\"}]"),
                "document.pdf", com.iusign.platform.signing.SamplePdf.withText("Crash")).text("/id");
        try {
            doomedApi.as(owner.accessToken(), "POST", "/api/v1/envelopes/" + envelope + "/send", null);
        } catch (IOException expected) {
            // The instance halted before it could answer.
        }
        assertThat(doomed.awaitExit(Duration.ofSeconds(30))).as("the crash point halted the instance").isTrue();
        assertThat(survivorAdmin.as(owner.accessToken(), "GET", "/api/v1/envelopes/" + envelope, null).text("/status"))
                .as("the send committed").isEqualTo("SENT");

        cluster.restart(0);
        AdminApiClient admin = cluster.admin(cluster.instance(0));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(admin.get("/api/admin/tenants/" + owner.tenantId() + "/telemetry")
                .json().get("envelopesTotal").asLong()).as("telemetry, its listener replayed after the restart").isEqualTo(1));
        cluster.relaunch(0);
        assertThat(cluster.admin(cluster.instance(0)).get("/api/admin/tenants/" + owner.tenantId() + "/telemetry").json().get("envelopesTotal")
                .asLong()).as("a second restart replays nothing: still once").isEqualTo(1);
    }

    private static void suspendThroughTheDoomedInstance(AdminApiClient admin, GateLoad.Tenant victim) throws InterruptedException {
        victim.revoking();
        try {
            admin.post("/api/admin/tenants/" + victim.id + "/suspend", "{\"reason\":\"Abuse report " + MARKER + "\"}");
        } catch (IOException expected) {
            // The instance halted before it could answer.
        }
    }

    private int me(PlatformProcess instance, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(instance.baseUrl() + "/api/v1/me")).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
