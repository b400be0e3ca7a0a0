package com.iusign.platform.inventory;

import com.iusign.platform.compliance.TenantFlags;
import com.iusign.platform.identity.TenantUsers;
import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.lifecycle.ProvisionTenant;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.signing.Envelopes;
import com.iusign.platform.signing.NewEnvelope;
import com.iusign.platform.signing.SamplePdf;
import com.iusign.testfixtures.TestTenants;
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

@ApplicationModuleTest(extraIncludes = {"lifecycle", "security", "mail", "domains", "identity", "signing", "telemetry", "compliance"})
class ReviewListsTests {

    private static final Change CHANGE = Change.of(Actor.superAdmin("admin@iusign.test"), "Reports test");

    private final TenantLifecycle lifecycle;
    private final TenantUsers users;
    private final Envelopes envelopes;
    private final ReviewLists reports;
    private final TenantFlags flags;
    private final JdbcClient jdbc;

    ReviewListsTests(TenantLifecycle lifecycle, TenantUsers users, Envelopes envelopes, ReviewLists reports, TenantFlags flags,                      JdbcClient jdbc) {
        this.flags = flags;
        this.lifecycle = lifecycle;
        this.users = users;
        this.envelopes = envelopes;
        this.reports = reports;
        this.jdbc = jdbc;
    }

    @Test
    void tenantsAtEightyPercentOfAQuotaAreListedWithTheProjectedDateAndOverLimitIsFlagged() {
        String plan = TestTenants.slug("rep");
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
        List<ReviewLists.ApproachingLimit> mine = reports.approachingLimits(0.8).stream()
                .filter(item -> item.tenantId().equals(tenant.value())).toList();
        ReviewLists.ApproachingLimit seats = mine.stream().filter(item -> item.quota().equals("seats")).findFirst().orElseThrow();
        assertThat(seats.usage()).isEqualTo(2);
        assertThat(seats.over()).isTrue();
        ReviewLists.ApproachingLimit volume = mine.stream().filter(item -> item.quota().equals("monthlyEnvelopes")).findFirst().orElseThrow();
        assertThat(volume.usage()).isEqualTo(4);
        assertThat(volume.limit()).isEqualTo(5);
        assertThat(volume.over()).isFalse();
        assertThat(reports.approachingLimits(0.9).stream().filter(item -> item.tenantId().equals(tenant.value())))
                .extracting(ReviewLists.ApproachingLimit::quota).containsExactly("seats");
    }

    @Test
    void theProjectionUsesTheLastThirtyDaysPaceWithinThisMonth() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(ReviewLists.projected(5, 5, 0)).isEqualTo(today);
        assertThat(ReviewLists.projected(1, 100, 0)).isNull();
        LocalDate soon = ReviewLists.projected(90, 100, 300);
        assertThat(soon).isIn(today.plusDays(1), null);
    }

    @Test
    void inactiveTenantsAndOverdueTrialsAreListedForReview() {
        TenantId quiet = provision("starter");
        TenantId trialing = provision("starter");
        awaitManifestRows(quiet, trialing);
        jdbc.sql("UPDATE tenant_manifest SET created_at = now() - interval '120 days', last_activity_at = NULL WHERE tenant_id = :t")
                .param("t", quiet.value()).update();
        jdbc.sql("UPDATE tenant_manifest SET created_at = now() - interval '45 days', last_activity_at = now() WHERE tenant_id = :t")
                .param("t", trialing.value()).update();

        List<ReviewLists.ReviewItem> review = reports.complianceReview(90, 30);

        assertThat(review).filteredOn(item -> item.tenantId().equals(quiet.value())).extracting(ReviewLists.ReviewItem::reason)
                .containsExactly("INACTIVE");
        assertThat(review).filteredOn(item -> item.tenantId().equals(trialing.value())).extracting(ReviewLists.ReviewItem::reason)
                .containsExactly("TRIAL_OVERDUE");
        assertThat(reports.complianceReview(90, 60)).noneMatch(item -> item.tenantId().equals(trialing.value()));
    }

    @Test
    void aFlaggedTenantIsReviewedWithItsReasonUntilTheFlagIsCleared() {
        TenantId tenant = provision("business");
        awaitManifestRows(tenant);
        flags.flag(tenant, Change.of(Actor.superAdmin("admin@iusign.test"), "Chargebacks from three card issuers"));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(reports.complianceReview(90, 30))
                .filteredOn(item -> item.tenantId().equals(tenant.value()))
                .extracting(ReviewLists.ReviewItem::reason, ReviewLists.ReviewItem::flagReason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("FLAGGED", "Chargebacks from three card issuers")));
        assertThat(flags.clear(tenant, Change.of(Actor.superAdmin("admin@iusign.test"), "Issuers withdrew the disputes"))).isTrue();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(reports.complianceReview(90, 30))
                .noneMatch(item -> item.tenantId().equals(tenant.value())));
    }

    private void awaitManifestRows(TenantId... tenants) {
        List<UUID> ids = java.util.Arrays.stream(tenants).map(TenantId::value).toList();
        await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.sql("SELECT count(*) FROM tenant_manifest WHERE tenant_id IN (:ids)")
                .param("ids", ids).query(Integer.class).single() == ids.size());
    }

    private TenantId provision(String plan) {
        return TestTenants.provision(lifecycle, plan, "rep").id();
    }
}
