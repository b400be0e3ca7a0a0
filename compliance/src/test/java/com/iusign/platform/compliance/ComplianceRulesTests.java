package com.iusign.platform.compliance;

import com.iusign.platform.identity.TenantSignIn;
import com.iusign.platform.identity.TenantSignInFailed;
import com.iusign.platform.identity.TenantUsers;
import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.ProvisionTenant;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.signing.Envelopes;
import com.iusign.platform.signing.NewEnvelope;
import com.iusign.platform.signing.SamplePdf;
import com.iusign.platform.telemetry.TenantUsageChanged;
import com.iusign.testfixtures.TestTenants;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The rules that flag a tenant on their own, and the flag they leave for a SuperAdmin to decide on. */
@ApplicationModuleTest(extraIncludes = {"lifecycle", "security", "mail", "domains", "identity", "signing", "telemetry"})
class ComplianceRulesTests {

    private static final Change CHANGE = Change.of(Actor.superAdmin("admin@iusign.test"), "Compliance test");

    private final TenantLifecycle lifecycle;
    private final TenantUsers users;
    private final TenantSignIn signIn;
    private final Envelopes envelopes;
    private final TenantFlags flags;
    private final EnvelopeBurstRule envelopeBurst;
    private final FailedSignInBurstRule signInBurst;
    private final JdbcClient jdbc;

    ComplianceRulesTests(TenantLifecycle lifecycle, TenantUsers users, TenantSignIn signIn, Envelopes envelopes, TenantFlags flags,
                         EnvelopeBurstRule envelopeBurst, FailedSignInBurstRule signInBurst, JdbcClient jdbc) {
        this.lifecycle = lifecycle;
        this.users = users;
        this.signIn = signIn;
        this.envelopes = envelopes;
        this.flags = flags;
        this.envelopeBurst = envelopeBurst;
        this.signInBurst = signInBurst;
        this.jdbc = jdbc;
    }

    @Test
    void anEnvelopeBurstFlagsTheTenantButNotASteadyLargeSender() {
        TenantId spiking = provision();
        TenantId steady = provision();
        Instant now = Instant.now();

        envelopeBurst.on(usage(spiking, 60, 0, now));
        envelopeBurst.on(usage(steady, 60, 300, now));

        assertThat(flags.current(spiking)).hasValueSatisfying(flag -> {
            assertThat(flag.automatic()).isTrue();
            assertThat(flag.reason()).startsWith("Envelope burst: 60 sent on " + LocalDate.ofInstant(now, ZoneOffset.UTC));
        });
        assertThat(flags.current(steady)).isEmpty();
    }

    @Test
    void aBurstIsSeenFromTheEnvelopesATenantReallySends() {
        TenantId tenant = provision();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        jdbc.sql("INSERT INTO tenant_usage_daily (tenant_id, day, envelopes_sent) VALUES (:t, :d, 49)")
                .param("t", tenant.value()).param("d", today).update();
        UUID sender = UUID.randomUUID();

        var draft = envelopes.create(tenant, sender, new NewEnvelope("Burst", "b.pdf", SamplePdf.withText("b"),
                List.of(new NewEnvelope.NewRecipient("S", "s@burst.test"))));
        envelopes.send(tenant, sender, draft.id());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(flags.current(tenant))
                .hasValueSatisfying(flag -> assertThat(flag.reason()).startsWith("Envelope burst: 50 sent on " + today)));
    }

    @Test
    void aRuleNeverOverwritesASuperAdminsFlag() {
        TenantId tenant = provision();
        flags.flag(tenant, Change.of(Actor.superAdmin("admin@iusign.test"), "Reported by a bank"));

        envelopeBurst.on(usage(tenant, 500, 0, Instant.now()));

        assertThat(flags.current(tenant)).hasValueSatisfying(flag -> {
            assertThat(flag.reason()).isEqualTo("Reported by a bank");
            assertThat(flag.automatic()).isFalse();
        });
    }

    @Test
    void theFailedSignInRuleFlagsAHundredWrongPasswordsInAnHourButNotATenantThatUsuallySeesThatMany() {
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        TenantId attacked = provision();
        TenantId noisy = provision();
        failures(attacked, hour, 99);
        failures(noisy, hour, 99);
        for (int back = 1; back <= 168; back++) {
            failures(noisy, hour.minus(Duration.ofHours(back)), 20);
        }

        signInBurst.count(attacked.value(), Instant.now());
        signInBurst.count(noisy.value(), Instant.now());

        assertThat(flags.current(attacked)).hasValueSatisfying(flag -> assertThat(flag.reason())
                .startsWith("Failed sign-in burst: 100 wrong passwords"));
        assertThat(flags.current(noisy)).as("100 is 5x its usual 20 an hour").isEmpty();
    }

    @Test
    void aWrongPasswordIsCountedOnceForItsTenantHoweverOftenItIsDelivered() {
        String slug = TestTenants.slug("pw");
        var provisioned = lifecycle.provisionReporting(new ProvisionTenant("Passwords " + slug, slug, "business", "o@" + slug + ".test", null),
                CHANGE);
        users.activate((String) provisioned.extras().get("ownerActivationToken"), "the right password 1");
        UUID tenant = provisioned.tenant().id().value();

        assertThatThrownBy(() -> signIn.signIn(slug, "o@" + slug + ".test", "a wrong password 1"));
        await().atMost(Duration.ofSeconds(5)).until(() -> failuresOf(tenant) == 1);

        TenantSignInFailed redelivered = new TenantSignInFailed(UUID.randomUUID(), tenant, UUID.randomUUID(), Instant.now());
        signInBurst.on(redelivered);
        signInBurst.on(redelivered);
        assertThat(failuresOf(tenant)).isEqualTo(2);
    }

    private static TenantUsageChanged usage(TenantId tenant, int today, int previous30Days, Instant at) {
        return new TenantUsageChanged(UUID.randomUUID(), tenant.value(), today, LocalDate.ofInstant(at, ZoneOffset.UTC).withDayOfMonth(1), 1, 1, at, today,
                previous30Days, at);
    }

    private int failuresOf(UUID tenant) {
        return jdbc.sql("SELECT coalesce(sum(failures), 0) FROM tenant_sign_in_failures WHERE tenant_id = :t")
                .param("t", tenant).query(Integer.class).single();
    }

    private void failures(TenantId tenant, Instant hour, int count) {
        jdbc.sql("INSERT INTO tenant_sign_in_failures (tenant_id, hour, failures) VALUES (:t, :h, :n)")
                .param("t", tenant.value()).param("h", Timestamp.from(hour)).param("n", count).update();
    }

    private TenantId provision() {
        return TestTenants.provision(lifecycle, "business", "cmp").id();
    }
}
