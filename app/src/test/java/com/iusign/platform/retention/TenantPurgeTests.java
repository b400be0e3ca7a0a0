package com.iusign.platform.retention;

import com.iusign.platform.app.OfflineJws;
import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.Conflict;
import com.iusign.platform.kernel.InvalidInput;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.lifecycle.TenantStatus;
import com.iusign.platform.security.Approval;
import com.iusign.platform.security.Approvals;
import com.iusign.platform.security.TenantAccess;
import com.iusign.platform.security.TenantKeyRing;
import com.iusign.platform.security.TenantKeyUnusable;
import com.iusign.platform.security.TenantKeys;
import com.iusign.platform.security.TenantScope;
import com.iusign.testfixtures.TestTenants;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The end of a tenant's life on the whole platform: retention window, legal hold, four-eyes purge,
 * a purge killed half-way that resumes, crypto-shredding, the tombstone and the signed destruction
 * record. Batches of 2 rows so that even a small tenant takes many batches.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "iusign.retention.purge-batch-size=2")
class TenantPurgeTests {

    private final String ada = "ada-" + UUID.randomUUID() + "@iusign.test";
    private final String grace = "grace-" + UUID.randomUUID() + "@iusign.test";
    private final Change requested = new Change(Actor.superAdmin(ada), "Fraudulent organization, confirmed", "SEC-404", null);
    private final Change approved = Change.of(Actor.superAdmin(grace), "Checked the fraud report");

    private final TenantLifecycle lifecycle;
    private final TenantPurges purges;
    private final LegalHolds holds;
    private final Approvals approvals;
    private final TenantKeyRing ring;
    private final TenantKeys keys;
    private final TenantScope scope;
    private final TenantAccess access;
    private final JdbcClient jdbc;
    private final com.iusign.platform.security.AdminApiClients clients;
    private final int port;
    private final com.iusign.platform.mail.Outbox outbox;
    private final com.iusign.platform.lifecycle.TenantEndOfLife endOfLife;

    TenantPurgeTests(TenantLifecycle lifecycle, TenantPurges purges, LegalHolds holds, Approvals approvals, TenantKeyRing ring,
                     TenantKeys keys, TenantScope scope, TenantAccess access, JdbcClient jdbc,
                     com.iusign.platform.security.AdminApiClients clients, @LocalServerPort int port,
                     com.iusign.platform.security.SuperAdminAccounts accounts, com.iusign.platform.mail.Outbox outbox,
                     com.iusign.platform.lifecycle.TenantEndOfLife endOfLife) {
        this.endOfLife = endOfLife;
        this.outbox = outbox;
        accounts.create(ada, "purge test passphrase one " + UUID.randomUUID());
        accounts.create(grace, "purge test passphrase two " + UUID.randomUUID());
        this.lifecycle = lifecycle;
        this.purges = purges;
        this.holds = holds;
        this.approvals = approvals;
        this.ring = ring;
        this.keys = keys;
        this.scope = scope;
        this.access = access;
        this.jdbc = jdbc;
        this.clients = clients;
        this.port = port;
    }

    @Test
    void aPurgeKilledHalfWayResumesAndLeavesNothingOfTheTenantReadable() throws Exception {
        var api = new com.iusign.platform.app.AdminApiClient(clients, port);
        var owner = api.tenantOwner("business");
        TenantId tenant = new TenantId(UUID.fromString(owner.tenantId()));
        String link = api.sentLink(owner, "Purge lease", "Signer", "signer@purge.test");
        TenantKeyRing.Sealed saved = ring.seal(tenant.value(), "a copy in a backup".getBytes(StandardCharsets.UTF_8),
                "backup".getBytes(StandardCharsets.UTF_8));
        Map<String, Long> before = rowsOf(tenant);
        assertThat(before).containsKeys("tenant_user", "envelope", "envelope_document", "recipient", "signing_link", "tenant_data_key");

        Tenant deactivated = lifecycle.deactivate(tenant, requested, null);
        assertThat(deactivated.purgeAfter()).isCloseTo(Instant.now().plus(Duration.ofDays(30)), within(Duration.ofMinutes(1)));
        holds.place(tenant, Change.of(Actor.superAdmin("counsel@iusign.test"), "Litigation hold, case 2026-17"));
        assertThatThrownBy(() -> purges.requestPurge(tenant, requested)).isInstanceOf(Conflict.class).hasMessageContaining("legal hold");
        holds.release(tenant, Change.of(Actor.superAdmin("counsel@iusign.test"), "Case settled"));

        Approval approval = purges.requestPurge(tenant, requested);
        assertThat(purges.state(tenant).purge()).as("nothing happens before the second SuperAdmin approves").isNull();
        approvals.approve(approval.id(), approved);
        assertThatThrownBy(() -> purges.requestRestore(tenant, requested)).isInstanceOf(Conflict.class).hasMessageContaining("purge");

        assertThat(purges.run(tenant.value(), 3)).as("stopped after three batches, as if the instance were killed").isFalse();

        TenantPurges.Progress halfWay = purges.state(tenant).purge();
        assertThat(halfWay.keyDestroyed()).isTrue();
        assertThat(halfWay.finishedAt()).isNull();
        assertThat(rowsOf(tenant)).as("rows are left to resume on").isNotEmpty();
        ring.forget(tenant.value());
        assertThatThrownBy(() -> ring.open(tenant.value(), saved, "backup".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(TenantKeyUnusable.class);
        assertThatThrownBy(() -> holds.place(tenant, Change.of(Actor.superAdmin("counsel@iusign.test"), "Too late")))
                .isInstanceOf(Conflict.class).hasMessageContaining("has begun");

        // The instance that held the purge is killed: its lease holds the purge until it runs out, then another instance resumes it.
        jdbc.sql("UPDATE tenant_purge SET lease_owner = 'killed-instance', lease_until = now() + interval '5 minutes' WHERE tenant_id = :t")
                .param("t", tenant.value()).update();
        purges.runDue();
        assertThat(purges.state(tenant).status()).as("not while the dead instance's lease runs").isEqualTo(TenantStatus.DEACTIVATED);
        jdbc.sql("UPDATE tenant_purge SET lease_until = now() - interval '1 second' WHERE tenant_id = :t").param("t", tenant.value()).update();
        purges.runDue();

        assertThat(rowsOf(tenant)).as("no row of the tenant in any row-level-secured table").isEmpty();
        TenantPurges.RetentionState purged = purges.state(tenant);
        assertThat(purged.status()).isEqualTo(TenantStatus.PURGED);
        assertThat(purged.purge().rowsDeleted()).isEqualTo(before);
        assertThat(lifecycle.get(tenant).name()).as("the tombstone keeps the name").isEqualTo(deactivated.name());
        assertThat(access.status(tenant.value())).contains(TenantStatus.PURGED);
        HttpResponse<String> signing = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + link))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signing.statusCode()).isEqualTo(410);

        var record = api.get("/api/admin/tenants/" + tenant.value() + "/destruction-record");
        assertThat(record.status()).isEqualTo(200);
        JsonNode payload = OfflineJws.verify(record.text("/jws"), api.get("/oauth2/jwks").body(), DestructionRecords.TYPE);
        assertThat(payload.get("tenantId").asString()).isEqualTo(tenant.value().toString());
        assertThat(payload.get("approvedBy").asString()).isEqualTo(grace);
        assertThat(payload.get("requestedBy").asString()).isEqualTo(ada);
        assertThat(payload.get("trigger").asString()).isEqualTo("APPROVED");
        assertThat(payload.get("rowsDeleted").asLong()).isEqualTo(before.values().stream().mapToLong(Long::longValue).sum());
        assertThat(payload.at("/tables/envelope").asLong()).isEqualTo(before.get("envelope"));
        assertThat(payload.at("/key/state").asString()).isEqualTo("DESTROYED");
        String forged = record.text("/jws").replaceFirst("\\.[^.]+\\.", "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.toString().replace(grace, "nobody@iusign.test").getBytes(StandardCharsets.UTF_8)) + ".");
        assertThatThrownBy(() -> OfflineJws.verify(forged, api.get("/oauth2/jwks").body(), DestructionRecords.TYPE))
                .hasMessageContaining("signature does not verify");

        assertThatThrownBy(() -> purges.requestRestore(tenant, requested)).isInstanceOf(Conflict.class).hasMessageContaining("purged");
        assertThatThrownBy(() -> keys.rotate(tenant, requested)).isInstanceOf(TenantKeyUnusable.class);
        assertThat(api.get("/api/admin/audit?tenantId=" + tenant.value()).body()).contains("tenant.purged").contains("key.destroyed")
                .contains("legal-hold.placed").contains("legal-hold.released").contains("tenant.deactivated");
        assertThat(api.get("/api/admin/manifest?q=" + deactivated.slug()).body()).contains("PURGED");
    }

    @Test
    void theEndOfTheWindowPurgesWithoutApprovalUnlessALegalHoldStands() {
        TenantId tenant = TestTenants.provision(lifecycle, "starter", "window").id();
        lifecycle.deactivate(tenant, requested, null);
        jdbc.sql("UPDATE tenant SET purge_after = now() - interval '1 minute' WHERE id = :id").param("id", tenant.value()).update();
        holds.place(tenant, Change.of(Actor.superAdmin("counsel@iusign.test"), "Regulator's inquiry"));

        purges.runDue();

        assertThat(purges.state(tenant).status()).isEqualTo(TenantStatus.DEACTIVATED);
        assertThat(purges.state(tenant).purge()).isNull();
        holds.release(tenant, Change.of(Actor.superAdmin("counsel@iusign.test"), "Inquiry closed"));
        purges.runDue();
        TenantPurges.RetentionState state = purges.state(tenant);
        assertThat(state.status()).isEqualTo(TenantStatus.PURGED);
        assertThat(state.purge().trigger()).isEqualTo("RETENTION_ENDED");
        assertThat(state.purge().approvedBy()).isNull();
    }

    @Test
    void aHoldPlacedAfterAnApprovalButBeforeThePurgeBeginsStopsIt() {
        TenantId tenant = TestTenants.provision(lifecycle, "starter", "latehold").id();
        lifecycle.deactivate(tenant, requested, null);
        approvals.approve(purges.requestPurge(tenant, requested).id(), approved);
        holds.place(tenant, Change.of(Actor.superAdmin("counsel@iusign.test"), "Subpoena arrived after the approval"));

        purges.runDue();

        assertThat(purges.state(tenant).status()).isEqualTo(TenantStatus.DEACTIVATED);
        assertThat(purges.state(tenant).purge().startedAt()).isNull();
        holds.release(tenant, Change.of(Actor.superAdmin("counsel@iusign.test"), "Subpoena withdrawn"));
        purges.runDue();
        assertThat(purges.state(tenant).status()).isEqualTo(TenantStatus.PURGED);
    }

    @Test
    void aRestoreWithinTheWindowNeedsASecondSuperAdminAndBadRequestsChangeNothing() {
        TenantId tenant = TestTenants.provision(lifecycle, "starter", "restore").id();
        assertThatThrownBy(() -> purges.requestPurge(tenant, requested)).isInstanceOf(Conflict.class).hasMessageContaining("deactivated");
        assertThatThrownBy(() -> purges.requestRestore(tenant, requested)).isInstanceOf(Conflict.class);
        lifecycle.deactivate(tenant, requested, null);
        assertThatThrownBy(() -> endOfLife.extendRetention(tenant, 5, requested)).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("Purge now");
        assertThat(endOfLife.extendRetention(tenant, 90, requested).purgeAfter())
                .isCloseTo(lifecycle.get(tenant).statusChangedAt().plus(Duration.ofDays(90)), within(Duration.ofSeconds(1)));

        Approval restore = purges.requestRestore(tenant, requested);
        assertThatThrownBy(() -> approvals.approve(restore.id(), requested)).as("not by the requester")
                .isInstanceOf(RuntimeException.class);
        assertThat(lifecycle.get(tenant).status()).isEqualTo(TenantStatus.DEACTIVATED);
        approvals.approve(restore.id(), approved);

        Tenant restored = lifecycle.get(tenant);
        assertThat(restored.status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(restored.purgeAfter()).isNull();
        assertThat(access.status(tenant.value())).contains(TenantStatus.ACTIVE);
    }

    @Test
    void theOwnerIsToldAWeekAndADayBeforeThePurgeOncePerWindowAndNotWhileHeld() {
        var deactivated = lifecycle.deactivate(TestTenants.provision(lifecycle, "starter", "notice").id(), requested, null);
        TenantId tenant = deactivated.id();
        String reference = "purge-notice:" + tenant.value() + ":";

        jdbc.sql("UPDATE tenant SET purge_after = now() + interval '5 days' WHERE id = :id").param("id", tenant.value()).update();
        Instant weekEnd = lifecycle.get(tenant).purgeAfter();
        purges.runDue();
        purges.runDue();
        assertThat(outbox.deliveries(reference + weekEnd.getEpochSecond() + ":7d")).as("one notice, however often the job runs")
                .singleElement().satisfies(mail -> {
                    assertThat(mail.recipient()).isEqualTo(deactivated.ownerEmail());
                    assertThat(mail.subject()).contains(deactivated.name()).contains("will be deleted on");
                });

        jdbc.sql("UPDATE tenant SET purge_after = now() + interval '20 hours' WHERE id = :id").param("id", tenant.value()).update();
        Instant dayEnd = lifecycle.get(tenant).purgeAfter();
        holds.place(tenant, Change.of(Actor.superAdmin("counsel@iusign.test"), "Hold before the last notice"));
        purges.runDue();
        assertThat(outbox.deliveries(reference + dayEnd.getEpochSecond() + ":1d")).as("no notice while a hold stands").isEmpty();
        holds.release(tenant, Change.of(Actor.superAdmin("counsel@iusign.test"), "Hold released"));
        purges.runDue();
        assertThat(outbox.deliveries(reference + dayEnd.getEpochSecond() + ":1d")).hasSize(1);
        assertThat(lifecycle.get(tenant).status()).as("the window has not ended").isEqualTo(TenantStatus.DEACTIVATED);
    }

    /** The tenant's rows per row-level-secured table (the catalogue decides which tables, so a new one cannot be forgotten). */
    private Map<String, Long> rowsOf(TenantId tenant) {
        List<String> tables = jdbc.sql("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relrowsecurity
                   AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id')""")
                .query(String.class).list();
        Map<String, Long> counts = new TreeMap<>();
        scope.run(tenant.value(), () -> tables.forEach(table -> {
            long count = jdbc.sql("SELECT count(*) FROM " + table + " WHERE tenant_id = :tenant").param("tenant", tenant.value())
                    .query(Long.class).single();
            if (count > 0) {
                counts.put(table, count);
            }
        }));
        return counts;
    }
}
