package com.iusign.platform.telemetry;

import com.iusign.platform.identity.TenantSignIn;
import com.iusign.platform.identity.TenantUsers;
import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.lifecycle.ProvisionTenant;
import com.iusign.platform.lifecycle.ProvisioningResult;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.signing.EnvelopeSent;
import com.iusign.platform.signing.Envelopes;
import com.iusign.platform.signing.IssuedLink;
import com.iusign.platform.signing.NewEnvelope;
import com.iusign.platform.signing.SamplePdf;
import com.iusign.platform.signing.SigningLinks;
import com.iusign.testfixtures.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ApplicationModuleTest(extraIncludes = {"lifecycle", "security", "mail", "domains", "identity", "signing"})
class TenantTelemetryTests {

    private static final Change CHANGE = Change.of(Actor.superAdmin("admin@iusign.test"), "Telemetry test");
    private static final String PASSWORD = "telemetry owner password";

    private final TenantLifecycle lifecycle;
    private final TenantUsers users;
    private final TenantSignIn signIn;
    private final Envelopes envelopes;
    private final SigningLinks links;
    private final TenantTelemetry telemetry;
    private final UsageProjection projection;
    private final JdbcClient jdbc;
    private TenantId tenant;
    private String slug;
    private String ownerEmail;
    private String activation;
    private final UUID user = UUID.randomUUID();

    TenantTelemetryTests(TenantLifecycle lifecycle, TenantUsers users, TenantSignIn signIn, Envelopes envelopes, SigningLinks links,
                         TenantTelemetry telemetry, UsageProjection projection, JdbcClient jdbc) {
        this.lifecycle = lifecycle;
        this.users = users;
        this.signIn = signIn;
        this.envelopes = envelopes;
        this.links = links;
        this.telemetry = telemetry;
        this.projection = projection;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void tenant() {
        slug = TestTenants.slug("tm");
        ownerEmail = "owner@" + slug + ".test";
        ProvisioningResult result = lifecycle.provisionReporting(new ProvisionTenant("Telemetry " + slug, slug, "business", ownerEmail, null), CHANGE);
        tenant = result.tenant().id();
        activation = (String) result.extras().get("ownerActivationToken");
    }

    @Test
    void aTenantUsersActionsShowUpInTheNumbersWithinTwoSeconds() {
        users.activate(activation, PASSWORD);
        signIn.signIn(slug, ownerEmail, PASSWORD);
        IssuedLink link = send("First");
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
            TelemetrySnapshot now = telemetry.snapshot(tenant);
            assertThat(now.envelopesTotal()).isEqualTo(1);
            assertThat(now.envelopesThisMonth()).isEqualTo(1);
            assertThat(now.activeUsers30d()).isEqualTo(1);
            assertThat(now.seatsUsed()).isEqualTo(1);
        });
        links.sign(link.token(), "Signer");
        await().atMost(Duration.ofSeconds(2)).until(() -> telemetry.snapshot(tenant).envelopesCompleted() == 1);
        TelemetrySnapshot after = telemetry.snapshot(tenant);
        assertThat(after.lastActivityAt()).isNotNull().isAfter(Instant.now().minusSeconds(60));
        assertThat(after.seatLimit()).isEqualTo(50);
        assertThat(after.stale()).isFalse();
        List<DailyUsage> series = telemetry.series(tenant, 90);
        assertThat(series).hasSize(90);
        assertThat(series.getLast()).extracting(DailyUsage::envelopesSent, DailyUsage::envelopesCompleted, DailyUsage::activeUsers)
                .containsExactly(1, 1, 1);
    }

    @Test
    void aRedeliveredEventDoesNotCountTwice() {
        send("Once");
        await().atMost(Duration.ofSeconds(2)).until(() -> telemetry.snapshot(tenant).envelopesTotal() == 1);
        UUID envelopeId = envelopes.list(tenant, 1, null).items().getFirst().id();
        EnvelopeSent again = new EnvelopeSent(UUID.randomUUID(), tenant.value(), envelopeId, user, 1, Instant.now());
        projection.on(again);
        projection.on(again);
        assertThat(telemetry.snapshot(tenant).envelopesTotal()).isEqualTo(1);
        assertThat(telemetry.series(tenant, 1).getFirst().envelopesSent()).isEqualTo(1);
    }

    @Test
    void aResyncAfterACorruptedCounterRestoresTheTrueValuesAndSaysWhatItCorrected() {
        send("One");
        send("Two");
        await().atMost(Duration.ofSeconds(2)).until(() -> telemetry.snapshot(tenant).envelopesTotal() == 2);
        jdbc.sql("UPDATE tenant_usage SET envelopes_total = 99, seats_used = 0, as_of = now() - interval '2 days' WHERE tenant_id = :t")
                .param("t", tenant.value()).update();
        assertThat(telemetry.snapshot(tenant).stale()).as("older than the 24 h bound").isTrue();

        ResyncResult result = telemetry.resync(tenant);

        assertThat(result.corrected()).containsEntry("envelopesTotal", new ResyncResult.Correction(99, 2))
                .containsEntry("seatsUsed", new ResyncResult.Correction(0, 1)).doesNotContainKey("envelopesThisMonth");
        assertThat(result.snapshot().envelopesTotal()).isEqualTo(2);
        assertThat(result.snapshot().stale()).isFalse();
        assertThat(result.snapshot().driftCorrectedAt()).isNotNull();
        assertThat(telemetry.resync(tenant).corrected()).as("nothing left to correct").isEmpty();
    }

    private IssuedLink send(String title) {
        var envelope = envelopes.create(tenant, user, new NewEnvelope(title, "t.pdf", SamplePdf.withText(title),
                List.of(new NewEnvelope.NewRecipient("Signer", "signer@example.test"))));
        return envelopes.send(tenant, user, envelope.id()).getFirst();
    }
}
