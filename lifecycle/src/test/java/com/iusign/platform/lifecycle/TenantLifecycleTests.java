package com.iusign.platform.lifecycle;

import com.iusign.platform.kernel.Conflict;

import com.iusign.platform.kernel.InvalidInput;

import com.iusign.platform.kernel.Change;

import com.iusign.platform.kernel.Actor;

import com.iusign.platform.kernel.TenantId;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@ApplicationModuleTest
class TenantLifecycleTests {

    private static final Actor ALICE = Actor.superAdmin("alice@iusign.test");

    private final TenantLifecycle lifecycle;
    private final JdbcClient jdbc;

    TenantLifecycleTests(TenantLifecycle lifecycle, JdbcClient jdbc) {
        this.lifecycle = lifecycle;
        this.jdbc = jdbc;
    }

    @Test
    void provisioningPublishesTenantProvisionedAndStartsTheStatusHistory(Scenario scenario) {
        String slug = slug("acme");
        scenario.stimulate(() -> lifecycle.provision(new ProvisionTenant("Acme " + slug, slug, "business", "Owner@Acme.test",
                        "Sign." + slug + ".example.com."), Change.of(ALICE, "New customer onboarding")))
                .andWaitForEventOfType(TenantProvisioned.class)
                .matching(event -> event.slug().equals(slug))
                .toArriveAndVerify((event, tenant) -> {
                    assertThat(tenant.status()).isEqualTo(TenantStatus.ACTIVE);
                    assertThat(tenant.subscriptionStatus()).isEqualTo(SubscriptionStatus.TRIALING);
                    assertThat(tenant.ownerEmail()).isEqualTo("owner@acme.test");
                    assertThat(tenant.customDomain()).isEqualTo("sign." + slug + ".example.com");
                    assertThat(event.tenantId()).isEqualTo(tenant.id());
                    assertThat(event.change().by()).isEqualTo(ALICE);
                    assertThat(lifecycle.history(tenant.id()).statusChanges()).singleElement()
                            .satisfies(entry -> assertThat(entry.to()).isEqualTo(TenantStatus.ACTIVE));
                });
    }

    @Test
    void suspendingPublishesTenantSuspendedAndRecordsTheReason(Scenario scenario) {
        Tenant tenant = provision();
        scenario.stimulate(() -> lifecycle.suspend(tenant.id(), new Change(ALICE, "Chargeback fraud", "INC-42", "corr-1"), null))
                .andWaitForEventOfType(TenantSuspended.class)
                .matching(event -> event.tenantId().equals(tenant.id()))
                .toArriveAndVerify((event, suspended) -> {
                    assertThat(event.from()).isEqualTo(TenantStatus.ACTIVE);
                    assertThat(suspended.status()).isEqualTo(TenantStatus.SUSPENDED);
                    assertThat(suspended.version()).isEqualTo(tenant.version() + 1);
                    assertThat(lifecycle.history(tenant.id()).statusChanges().getFirst()).satisfies(entry -> {
                        assertThat(entry.from()).isEqualTo(TenantStatus.ACTIVE);
                        assertThat(entry.reason()).isEqualTo("Chargeback fraud");
                        assertThat(entry.ticket()).isEqualTo("INC-42");
                        assertThat(entry.correlationId()).isEqualTo("corr-1");
                    });
                });
    }

    @Test
    void reactivatingPublishesTenantReactivated(Scenario scenario) {
        Tenant tenant = provision();
        lifecycle.suspend(tenant.id(), Change.of(ALICE, "Investigation"), null);
        scenario.stimulate(() -> lifecycle.reactivate(tenant.id(), Change.of(ALICE, "Cleared"), null))
                .andWaitForEventOfType(TenantReactivated.class)
                .matching(event -> event.tenantId().equals(tenant.id()))
                .toArriveAndVerify((event, reactivated) -> assertThat(reactivated.status()).isEqualTo(TenantStatus.ACTIVE));
    }

    @Test
    void deactivatingPublishesTenantDeactivatedFromSuspended(Scenario scenario) {
        Tenant tenant = provision();
        lifecycle.suspend(tenant.id(), Change.of(ALICE, "Non-payment"), null);
        scenario.stimulate(() -> lifecycle.deactivate(tenant.id(), Change.of(ALICE, "Contract ended"), null))
                .andWaitForEventOfType(TenantDeactivated.class)
                .matching(event -> event.tenantId().equals(tenant.id()))
                .toArriveAndVerify((event, deactivated) -> {
                    assertThat(event.from()).isEqualTo(TenantStatus.SUSPENDED);
                    assertThat(deactivated.status()).isEqualTo(TenantStatus.DEACTIVATED);
                });
    }

    @Test
    void renamingPublishesTenantRenamedAndKeepsTheOldName(Scenario scenario) {
        Tenant tenant = provision();
        String newName = "Renamed " + UUID.randomUUID();
        scenario.stimulate(() -> lifecycle.update(tenant.id(), new UpdateTenant(newName, null, null, null, tenant.version()),
                        Change.of(ALICE, "Company rebranded")))
                .andWaitForEventOfType(TenantRenamed.class)
                .matching(event -> event.tenantId().equals(tenant.id()))
                .toArriveAndVerify((event, renamed) -> {
                    assertThat(event.from()).isEqualTo(tenant.name());
                    assertThat(renamed.name()).isEqualTo(newName);
                    assertThat(renamed.slug()).isEqualTo(tenant.slug());
                    assertThat(lifecycle.history(tenant.id()).renames()).singleElement().satisfies(entry -> {
                        assertThat(entry.oldName()).isEqualTo(tenant.name());
                        assertThat(entry.reason()).isEqualTo("Company rebranded");
                    });
                });
    }

    @Test
    void planChangePublishesTenantPlanChanged(Scenario scenario) {
        Tenant tenant = provision();
        scenario.stimulate(() -> lifecycle.update(tenant.id(), new UpdateTenant(null, "enterprise", null, null, null),
                        Change.of(ALICE, "Upgrade signed")))
                .andWaitForEventOfType(TenantPlanChanged.class)
                .matching(event -> event.tenantId().equals(tenant.id()))
                .toArriveAndVerify(event -> assertThat(event.to()).isEqualTo("enterprise"));
    }

    @Test
    void subscriptionChangePublishesTenantSubscriptionStatusChanged(Scenario scenario) {
        Tenant tenant = provision();
        scenario.stimulate(() -> lifecycle.update(tenant.id(), new UpdateTenant(null, null, SubscriptionStatus.PAST_DUE, null, null),
                        Change.of(ALICE, "Invoice overdue")))
                .andWaitForEventOfType(TenantSubscriptionStatusChanged.class)
                .matching(event -> event.tenantId().equals(tenant.id()))
                .toArriveAndVerify(event -> assertThat(event.from()).isEqualTo(SubscriptionStatus.TRIALING));
    }

    @Test
    void customDomainChangePublishesTenantCustomDomainChanged(Scenario scenario) {
        Tenant tenant = provision();
        String domain = "esign." + tenant.slug() + ".example.org";
        scenario.stimulate(() -> lifecycle.update(tenant.id(), new UpdateTenant(null, null, null, domain, null),
                        Change.of(ALICE, "Customer brought their domain")))
                .andWaitForEventOfType(TenantCustomDomainChanged.class)
                .matching(event -> event.tenantId().equals(tenant.id()))
                .toArriveAndVerify(event -> {
                    assertThat(event.from()).isNull();
                    assertThat(event.to()).isEqualTo(domain);
                });
    }

    @Test
    void twoSuperAdminsActingAtOnceCannotBothWin() throws Exception {
        Tenant tenant = provision();
        var start = new java.util.concurrent.CountDownLatch(1);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            var suspend = pool.submit(() -> {
                start.await();
                return lifecycle.suspend(tenant.id(), Change.of(ALICE, "Admin one"), tenant.version());
            });
            var deactivate = pool.submit(() -> {
                start.await();
                return lifecycle.deactivate(tenant.id(), Change.of(Actor.superAdmin("bob@iusign.test"), "Admin two"), tenant.version());
            });
            start.countDown();
            List<Throwable> failures = new java.util.ArrayList<>();
            for (var outcome : List.of(suspend, deactivate)) {
                try {
                    outcome.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add(e.getCause());
                }
            }
            assertThat(failures).singleElement().isInstanceOf(Conflict.class)
                    .extracting(Throwable::getMessage).asString().contains("changed since you loaded it");
        }
        assertThat(lifecycle.get(tenant.id()).version()).isEqualTo(tenant.version() + 1);
        assertThat(lifecycle.history(tenant.id()).statusChanges()).hasSize(2);
    }

    @Test
    void illegalTransitionsAreRefusedNamingTheStatusAndTheAllowedMoves() {
        Tenant tenant = provision();

        assertRefusedUnchanged(() -> lifecycle.reactivate(tenant.id(), Change.of(ALICE, "Why not"), null),
                IllegalTransitionException.class, "Cannot reactivate a tenant that is ACTIVE; allowed from here: deactivate, suspend");
        lifecycle.deactivate(tenant.id(), Change.of(ALICE, "Closed"), null);
        assertRefusedUnchanged(() -> lifecycle.suspend(tenant.id(), Change.of(ALICE, "Again"), null),
                IllegalTransitionException.class, "a deactivated tenant allows no further status change");
    }

    @Test
    void staleVersionIsRefusedAsChangedSinceLoaded() {
        Tenant tenant = provision();
        lifecycle.suspend(tenant.id(), Change.of(ALICE, "First admin wins"), tenant.version());

        assertRefusedUnchanged(() -> lifecycle.deactivate(tenant.id(), Change.of(ALICE, "Second admin"), tenant.version()),
                Conflict.class, "changed since you loaded it");
        assertRefusedUnchanged(() -> lifecycle.update(tenant.id(), new UpdateTenant("Other " + tenant.name(), null, null, null,
                tenant.version()), Change.of(ALICE, "Rename")), Conflict.class, "changed since you loaded it");
    }

    @Test
    void invalidInputIsRefusedFieldByFieldAndWritesNothing() {
        InvalidInput refused = assertRefusedUnchanged(() -> lifecycle.provision(
                        new ProvisionTenant("", "Bad_Slug", "platinum", "not-an-email", "-bad-.example"), Change.of(ALICE, "Onboarding")),
                InvalidInput.class, "slug");

        assertThat(refused.fieldErrors()).containsOnlyKeys("name", "slug", "plan", "ownerEmail", "customDomain");
        assertThat(refused.fieldErrors().get("plan")).contains("starter", "business", "enterprise");
    }

    @Test
    void namesWithControlCharactersAndOverlongNamesAreRefused() {
        assertRefusedUnchanged(() -> lifecycle.provision(new ProvisionTenant("Evil\u0000Corp", slug("evil"), "starter",
                "o@evil.test", null), Change.of(ALICE, "Onboarding")), InvalidInput.class, "printable");
        assertRefusedUnchanged(() -> lifecycle.provision(new ProvisionTenant("x".repeat(121), slug("long"), "starter",
                "o@long.test", null), Change.of(ALICE, "Onboarding")), InvalidInput.class, "1 to 120");
        assertRefusedUnchanged(() -> lifecycle.provision(new ProvisionTenant("Unicode Domain", slug("idn"), "starter",
                "o@idn.test", "bücher.example"), Change.of(ALICE, "Onboarding")), InvalidInput.class, "punycode");
    }

    @Test
    void duplicateNameSlugAndDomainAreConflictsAndWriteNothing() {
        Tenant tenant = provision();
        String domain = "sign." + tenant.slug() + ".example.com";
        lifecycle.update(tenant.id(), new UpdateTenant(null, null, null, domain, null), Change.of(ALICE, "Domain"));

        assertRefusedUnchanged(() -> lifecycle.provision(new ProvisionTenant(tenant.name().toUpperCase(), slug("dup"), "starter",
                "o@dup.test", null), Change.of(ALICE, "Dup")), Conflict.class, "already named");
        assertRefusedUnchanged(() -> lifecycle.provision(new ProvisionTenant("Unique " + UUID.randomUUID(), tenant.slug(), "starter",
                "o@dup.test", null), Change.of(ALICE, "Dup")), Conflict.class, "slug");
        assertRefusedUnchanged(() -> lifecycle.provision(new ProvisionTenant("Unique " + UUID.randomUUID(), slug("dup"), "starter",
                "o@dup.test", domain.toUpperCase()), Change.of(ALICE, "Dup")), Conflict.class, "domain");
    }

    @Test
    void aReasonIsRequired() {
        Tenant tenant = provision();

        assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> Change.of(ALICE, "  ")).withMessageContaining("reason");
        assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> Change.of(ALICE, "x".repeat(501)));
        assertThat(lifecycle.get(tenant.id()).status()).isEqualTo(TenantStatus.ACTIVE);
    }

    @Test
    void bulkSuspendReportsEachTenantAndOneRefusalDoesNotUndoTheOthers() {
        Tenant first = provision();
        Tenant second = provision();
        lifecycle.suspend(second.id(), Change.of(ALICE, "Already"), null);
        TenantId unknown = new TenantId(UUID.randomUUID());

        BulkResult result = lifecycle.bulkSuspend(List.of(first.id(), second.id(), unknown), Change.of(ALICE, "Breach containment"));

        assertThat(result.succeeded()).isEqualTo(1);
        assertThat(result.outcomes()).extracting(BulkResult.Outcome::succeeded).containsExactly(true, false, false);
        assertThat(result.outcomes().get(1).error()).contains("SUSPENDED");
        assertThat(result.outcomes().get(2).error()).contains("No tenant with id");
        assertThat(lifecycle.get(first.id()).status()).isEqualTo(TenantStatus.SUSPENDED);
    }

    @Test
    void bulkDeactivateDecommissionsActiveAndSuspendedTenantsAndRefusesTheAlreadyDeactivated() {
        Tenant active = provision();
        Tenant suspended = provision();
        Tenant gone = provision();
        lifecycle.suspend(suspended.id(), Change.of(ALICE, "Review"), null);
        lifecycle.deactivate(gone.id(), Change.of(ALICE, "Ended"), null);

        BulkResult result = lifecycle.bulkDeactivate(List.of(active.id(), suspended.id(), gone.id()), Change.of(ALICE, "Fraud ring"));

        assertThat(result.outcomes()).extracting(BulkResult.Outcome::succeeded).containsExactly(true, true, false);
        assertThat(lifecycle.get(active.id()).status()).isEqualTo(TenantStatus.DEACTIVATED);
        assertThat(lifecycle.get(suspended.id()).status()).isEqualTo(TenantStatus.DEACTIVATED);
    }

    @Test
    void bulkRefusesAnEmptyOrOversizedList() {
        assertThatExceptionOfType(InvalidInput.class)
                .isThrownBy(() -> lifecycle.bulkReactivate(List.of(), Change.of(ALICE, "Nothing")));
        List<TenantId> tooMany = java.util.stream.Stream.generate(() -> new TenantId(UUID.randomUUID())).limit(101).toList();
        assertThatExceptionOfType(InvalidInput.class)
                .isThrownBy(() -> lifecycle.bulkReactivate(tooMany, Change.of(ALICE, "Too many")))
                .withMessageContaining("1 to 100");
    }

    @Test
    void plansAreData() {
        assertThat(lifecycle.plans()).extracting(Plan::code).containsExactly("starter", "business", "enterprise");
        assertThat(lifecycle.plans().getFirst().seatLimit()).isPositive();
    }

    private <T extends RuntimeException> T assertRefusedUnchanged(Supplier<?> action, Class<T> refusal, String message) {
        long[] before = rowCounts();
        T thrown = org.assertj.core.api.Assertions.catchThrowableOfType(refusal, action::get);
        assertThat(thrown).as("expected %s", refusal.getSimpleName()).isNotNull();
        assertThat(thrown.getMessage()).contains(message);
        assertThat(rowCounts()).containsExactly(before);
        return thrown;
    }

    private long[] rowCounts() {
        return new long[] {
                jdbc.sql("SELECT count(*) FROM tenant").query(Long.class).single(),
                jdbc.sql("SELECT count(*) FROM tenant_status_history").query(Long.class).single(),
                jdbc.sql("SELECT count(*) FROM tenant_name_history").query(Long.class).single(),
                jdbc.sql("SELECT coalesce(sum(version), 0) FROM tenant").query(Long.class).single()};
    }

    private Tenant provision() {
        String slug = slug("t");
        return lifecycle.provision(new ProvisionTenant("Tenant " + slug, slug, "starter", "owner@" + slug + ".test", null),
                Change.of(ALICE, "Test fixture"));
    }

    private static String slug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
