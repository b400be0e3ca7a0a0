package com.iusign.platform.telemetry;

import com.iusign.platform.identity.TenantUsers;
import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.lifecycle.ProvisionTenant;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.signing.Envelopes;
import com.iusign.platform.signing.NewEnvelope;
import com.iusign.platform.signing.SamplePdf;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ApplicationModuleTest(extraIncludes = {"lifecycle", "security", "identity", "signing"})
class UsageReportsTests {

    private static final Change CHANGE = Change.of(Actor.superAdmin("admin@iusign.test"), "Reports test");

    private final TenantLifecycle lifecycle;
    private final TenantUsers users;
    private final Envelopes envelopes;
    private final UsageReports reports;
    private final TenantFlags flags;
    private final com.iusign.platform.identity.TenantSignIn signIn;
    private final JdbcClient jdbc;

    UsageReportsTests(TenantLifecycle lifecycle, TenantUsers users, Envelopes envelopes, UsageReports reports, TenantFlags flags,
                      com.iusign.platform.identity.TenantSignIn signIn, JdbcClient jdbc) {
        this.signIn = signIn;
        this.flags = flags;
        this.lifecycle = lifecycle;
        this.users = users;
        this.envelopes = envelopes;
        this.reports = reports;
        this.jdbc = jdbc;
    }

    @Test
    void tenantsAtEightyPercentOfAQuotaAreListedWithTheProjectedDateAndOverLimitIsFlagged() {
        String plan = "rep-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("INSERT INTO plan (code, name, seat_limit, monthly_envelope_limit, sort_order) VALUES (:code, 'Reports', 2, 5, 99)")
                .param("code", plan).update();
        TenantId tenant = provision(plan);
        UUID user = UUID.randomUUID();
        for (int i = 0; i < 4; i++) {
            var draft = envelopes.create(tenant, user, new NewEnvelope("R" + i, "r.pdf", SamplePdf.withText("r"),
                    List.of(new NewEnvelope.NewRecipient("S", "s@reports.test"))));
            envelopes.send(tenant, user, draft.id());
        }
        users.add(tenant, "second@reports.test", "Second", "MEMBER", CHANGE);

        await().atMost(Duration.ofSeconds(5)).until(() -> reports.approachingLimits(0.8).stream()
                .filter(item -> item.tenantId().equals(tenant.value())).count() == 2);
        List<UsageReports.ApproachingLimit> mine = reports.approachingLimits(0.8).stream()
                .filter(item -> item.tenantId().equals(tenant.value())).toList();
        UsageReports.ApproachingLimit seats = mine.stream().filter(item -> item.quota().equals("seats")).findFirst().orElseThrow();
        assertThat(seats.usage()).isEqualTo(2);
        assertThat(seats.over()).isTrue();
        UsageReports.ApproachingLimit volume = mine.stream().filter(item -> item.quota().equals("monthlyEnvelopes")).findFirst().orElseThrow();
        assertThat(volume.usage()).isEqualTo(4);
        assertThat(volume.limit()).isEqualTo(5);
        assertThat(volume.over()).isFalse();
        assertThat(reports.approachingLimits(0.9).stream().filter(item -> item.tenantId().equals(tenant.value())))
                .extracting(UsageReports.ApproachingLimit::quota).containsExactly("seats");
    }

    @Test
    void theProjectionUsesTheLastThirtyDaysPaceWithinThisMonth() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(UsageReports.projected(5, 5, 0)).isEqualTo(today);
        assertThat(UsageReports.projected(1, 100, 0)).isNull();
        LocalDate soon = UsageReports.projected(90, 100, 300);
        assertThat(soon).isIn(today.plusDays(1), null);
    }

    @Test
    void inactiveTenantsAndOverdueTrialsAreListedForReview() {
        TenantId quiet = provision("starter");
        TenantId trialing = provision("starter");
        await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.sql("SELECT count(*) FROM tenant_usage WHERE tenant_id IN (:a, :b) AND plan IS NOT NULL")
                .param("a", quiet.value()).param("b", trialing.value()).query(Integer.class).single() == 2);
        jdbc.sql("UPDATE tenant_usage SET tenant_created_at = now() - interval '120 days', last_activity_at = NULL WHERE tenant_id = :t")
                .param("t", quiet.value()).update();
        jdbc.sql("UPDATE tenant_usage SET tenant_created_at = now() - interval '45 days', last_activity_at = now() WHERE tenant_id = :t")
                .param("t", trialing.value()).update();

        List<UsageReports.ReviewItem> review = reports.complianceReview(90, 30);

        assertThat(review).filteredOn(item -> item.tenantId().equals(quiet.value())).extracting(UsageReports.ReviewItem::reason)
                .containsExactly("INACTIVE");
        assertThat(review).filteredOn(item -> item.tenantId().equals(trialing.value())).extracting(UsageReports.ReviewItem::reason)
                .containsExactly("TRIAL_OVERDUE");
        assertThat(reports.complianceReview(90, 60)).noneMatch(item -> item.tenantId().equals(trialing.value()));
    }

    @Test
    void aFlaggedTenantIsReviewedWithItsReasonUntilTheFlagIsCleared() {
        TenantId tenant = provision("business");
        await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.sql("SELECT count(*) FROM tenant_usage WHERE tenant_id = :t AND plan IS NOT NULL")
                .param("t", tenant.value()).query(Integer.class).single() == 1);
        flags.flag(tenant, Change.of(Actor.superAdmin("admin@iusign.test"), "Chargebacks from three card issuers"));
        assertThat(reports.complianceReview(90, 30)).filteredOn(item -> item.tenantId().equals(tenant.value()))
                .extracting(UsageReports.ReviewItem::reason, UsageReports.ReviewItem::flagReason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("FLAGGED", "Chargebacks from three card issuers"));
        assertThat(flags.clear(tenant, Change.of(Actor.superAdmin("admin@iusign.test"), "Issuers withdrew the disputes"))).isTrue();
        assertThat(reports.complianceReview(90, 30)).noneMatch(item -> item.tenantId().equals(tenant.value()));
    }

    @Test
    void theBurstRuleFlagsTenTimesTheUsualVolumeAboveFiftyButNotASteadyLargeSender() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        TenantId spiking = provision("business");
        TenantId steady = provision("business");
        daily(spiking, today, 60);
        daily(steady, today, 60);
        for (int back = 1; back <= 30; back++) {
            daily(steady, today.minusDays(back), 10);
        }
        flags.checkBurst(spiking.value(), today);
        flags.checkBurst(steady.value(), today);
        assertThat(flags.current(spiking)).hasValueSatisfying(flag -> {
            assertThat(flag.automatic()).isTrue();
            assertThat(flag.reason()).startsWith("Envelope burst: 60 sent on " + today);
        });
        assertThat(flags.current(steady)).as("60 is only 6x its 10-a-day average").isEmpty();
    }

    @Test
    void theFailedSignInRuleFlagsAHundredWrongPasswordsInAnHourButNotATenantThatUsuallySeesThatMany() {
        java.time.Instant hour = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        TenantId attacked = provision("business");
        TenantId noisy = provision("business");
        failures(attacked, hour, 99);
        failures(noisy, hour, 99);
        for (int back = 1; back <= 168; back++) {
            failures(noisy, hour.minus(Duration.ofHours(back)), 20);
        }
        flags.signInFailed(attacked.value(), java.time.Instant.now());
        flags.signInFailed(noisy.value(), java.time.Instant.now());
        assertThat(flags.current(attacked)).hasValueSatisfying(flag -> assertThat(flag.reason())
                .startsWith("Failed sign-in burst: 100 wrong passwords"));
        assertThat(flags.current(noisy)).as("100 is 5x its usual 20 an hour").isEmpty();
    }

    @Test
    void aWrongPasswordIsCountedForItsTenant() {
        String slug = "pw-" + UUID.randomUUID().toString().substring(0, 8);
        var provisioned = lifecycle.provisionReporting(new ProvisionTenant("Passwords " + slug, slug, "business", "o@" + slug + ".test", null),
                CHANGE);
        users.activate((String) provisioned.extras().get("ownerActivationToken"), "the right password 1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> signIn.signIn(slug, "o@" + slug + ".test", "a wrong password 1"));
        await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.sql("SELECT coalesce(sum(failures), 0) FROM tenant_sign_in_failures WHERE tenant_id = :t")
                .param("t", provisioned.tenant().id().value()).query(Integer.class).single() == 1);
    }

    private void failures(TenantId tenant, java.time.Instant hour, int count) {
        jdbc.sql("INSERT INTO tenant_sign_in_failures (tenant_id, hour, failures) VALUES (:t, :h, :n)")
                .param("t", tenant.value()).param("h", java.sql.Timestamp.from(hour)).param("n", count).update();
    }

    private void daily(TenantId tenant, LocalDate day, int sent) {
        jdbc.sql("INSERT INTO tenant_usage_daily (tenant_id, day, envelopes_sent) VALUES (:t, :d, :n)")
                .param("t", tenant.value()).param("d", day).param("n", sent).update();
    }

    private TenantId provision(String plan) {
        String slug = "rep-" + UUID.randomUUID().toString().substring(0, 8);
        return lifecycle.provision(new ProvisionTenant("Reports " + slug, slug, plan, "owner@" + slug + ".test", null), CHANGE).id();
    }
}
