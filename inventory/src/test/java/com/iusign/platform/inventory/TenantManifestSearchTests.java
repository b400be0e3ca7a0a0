package com.iusign.platform.inventory;

import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.lifecycle.ProvisionTenant;
import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.lifecycle.TenantLifecycle;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

@ApplicationModuleTest(extraIncludes = {"lifecycle", "compliance", "security", "mail"})
class TenantManifestSearchTests {

    private static final Change CHANGE = Change.of(Actor.superAdmin("search@iusign.test"), "Manifest test");

    private final TenantManifest manifest;
    private final TenantLifecycle lifecycle;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    TenantManifestSearchTests(TenantManifest manifest, TenantLifecycle lifecycle, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.manifest = manifest;
        this.lifecycle = lifecycle;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * A plan for any values is what the driver's server-side statements get from their sixth use: for the manifest's
     * statements, whose best index depends on the fragment and the filter values, it read 99,904 rows to count none
     * (ManifestSearch#plannedForTheirValues). Each search, count and export sets its own transaction so, and only it.
     */
    @Test
    void aSearchAndACountPlanTheirStatementsForTheirValuesInTheirTransactionOnly() {
        String outside = jdbc.sql("SHOW plan_cache_mode").query(String.class).single();
        ManifestQuery query = new ManifestQuery("acme b", Set.of("DEACTIVATED"), Set.of(), Set.of("starter"), null, null, ManifestSort.NAME, 10, null);
        for (Runnable read : List.<Runnable>of(() -> manifest.search(query), () -> manifest.count(query, 1000),
                () -> manifest.export(query, entry -> { }))) {
            String during = transaction.execute(status -> {
                read.run();
                return jdbc.sql("SHOW plan_cache_mode").query(String.class).single();
            });
            String after = transaction.execute(status -> jdbc.sql("SHOW plan_cache_mode").query(String.class).single());
            assertThat(during).isEqualTo("force_custom_plan");
            assertThat(after).as("a later transaction on the pool's connections plans as the server is configured").isEqualTo(outside);
        }
        assertThat(outside).isNotEqualTo("force_custom_plan");
    }

    @Test
    void aProvisionedTenantIsFoundByNameFragmentIdPrefixSlugAndDomain(Scenario scenario) {
        String marker = marker();
        String slug = "zurich-" + marker;
        scenario.stimulate(() -> lifecycle.provision(new ProvisionTenant("Zürich Notaries " + marker, slug, "business",
                        "owner@" + slug + ".test", "sign." + slug + ".example.com"), CHANGE))
                .andWaitForStateChange(() -> search(slug), items -> !items.isEmpty())
                .andVerify(items -> assertThat(items).extracting(ManifestEntry::slug).containsExactly(slug));
        Tenant tenant = lifecycle.findBySlug(slug).orElseThrow();

        assertThat(search("zurich notaries " + marker)).extracting(ManifestEntry::slug).containsExactly(slug);
        assertThat(search("ZÜRICH NOTARIES " + marker.toUpperCase())).hasSize(1);
        assertThat(search(tenant.id().value().toString().substring(0, 13))).extracting(ManifestEntry::slug).contains(slug);
        assertThat(search("SIGN." + slug + ".EXAMPLE.COM")).extracting(ManifestEntry::slug).containsExactly(slug);
    }

    @Test
    void statusFilterFollowsASuspension(Scenario scenario) {
        String marker = marker();
        Tenant tenant = provision("Filtered " + marker);
        scenario.stimulate(() -> lifecycle.suspend(tenant.id(), CHANGE, null))
                .andWaitForStateChange(() -> manifest.search(new ManifestQuery(marker, Set.of("SUSPENDED"), Set.of(), Set.of(), null, null,
                        ManifestSort.NAME, 10, null)).items(), items -> !items.isEmpty())
                .andVerify(items -> assertThat(items).singleElement().extracting(ManifestEntry::status).isEqualTo("SUSPENDED"));

        assertThat(manifest.search(new ManifestQuery(marker, Set.of("ACTIVE"), Set.of(), Set.of(), null, null, ManifestSort.NAME, 10, null))
                .items()).isEmpty();
    }

    @Test
    void keysetPagesVisitEveryTenantOnceInOrder() {
        String marker = marker();
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            slugs.add(provision("Paged " + marker + " " + i).slug());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> search(marker).size() == 5);

        List<String> seen = new ArrayList<>();
        ManifestQuery query = new ManifestQuery(marker, Set.of(), Set.of(), Set.of(), null, null, ManifestSort.NAME, 2, null);
        int pages = 0;
        while (true) {
            ManifestPage page = manifest.search(query);
            page.items().forEach(entry -> seen.add(entry.slug()));
            pages++;
            if (page.nextCursor() == null) {
                break;
            }
            query = query.next(page.nextCursor());
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(slugs);
        ManifestQuery all = new ManifestQuery(marker, Set.of(), Set.of(), Set.of(), null, null, ManifestSort.NAME, 2, null);
        assertThat(manifest.count(all, 1000)).isEqualTo(new TenantManifest.ManifestCount(5, false));
        assertThat(manifest.count(all, 3)).isEqualTo(new TenantManifest.ManifestCount(3, true));
    }

    @Test
    void wildcardsAreSearchedLiterallyAndBadParametersAreNamed() {
        String marker = marker();
        provision("Discount 100% " + marker);
        await().atMost(Duration.ofSeconds(10)).until(() -> search(marker).size() == 1);

        assertThat(search("100% " + marker)).hasSize(1);
        assertThat(search("_" + marker)).isEmpty();
        assertThat(search("%")).isNotNull();
        assertRejected(new ManifestQuery("x".repeat(201), Set.of(), Set.of(), Set.of(), null, null, ManifestSort.NAME, 10, null), "q");
        assertRejected(new ManifestQuery("a\u0000b", Set.of(), Set.of(), Set.of(), null, null, ManifestSort.NAME, 10, null), "q");
        assertRejected(new ManifestQuery(null, Set.of("ASLEEP"), Set.of(), Set.of(), null, null, ManifestSort.NAME, 10, null), "status");
        assertRejected(new ManifestQuery(null, Set.of(), Set.of(), Set.of("gold"), null, null, ManifestSort.NAME, 10, null), "plan");
        assertRejected(new ManifestQuery(null, Set.of(), Set.of(), Set.of(), null, null, ManifestSort.NAME, 0, null), "size");
        assertRejected(new ManifestQuery(null, Set.of(), Set.of(), Set.of(), null, null, ManifestSort.NAME, 10, "forged!"), "cursor");
        String nameCursor = manifest.search(new ManifestQuery(null, Set.of(), Set.of(), Set.of(), null, null, ManifestSort.NAME, 1, null)).nextCursor();
        assertRejected(new ManifestQuery(null, Set.of(), Set.of(), Set.of(), null, null, ManifestSort.CREATED, 10, nameCursor), "cursor");
    }

    @Test
    void rebuildRestoresRowsFromTheLifecycle() {
        String marker = marker();
        Tenant tenant = provision("Rebuilt " + marker);
        await().atMost(Duration.ofSeconds(10)).until(() -> search(marker).size() == 1);
        jdbc.sql("DELETE FROM tenant_manifest WHERE tenant_id = :id").param("id", tenant.id().value()).update();
        assertThat(search(marker)).isEmpty();

        assertThat(manifest.rebuild()).isGreaterThanOrEqualTo(1);

        assertThat(search(marker)).extracting(ManifestEntry::id).containsExactly(tenant.id().value());
    }

    private void assertRejected(ManifestQuery query, String parameter) {
        assertThatExceptionOfType(ManifestQueryException.class).isThrownBy(() -> manifest.search(query))
                .satisfies(e -> assertThat(e.parameter()).isEqualTo(parameter));
    }

    private List<ManifestEntry> search(String q) {
        return manifest.search(new ManifestQuery(q, Set.of(), Set.of(), Set.of(), null, null, ManifestSort.NAME, 50, null)).items();
    }

    private Tenant provision(String name) {
        String slug = "m-" + UUID.randomUUID().toString().substring(0, 12);
        return lifecycle.provision(new ProvisionTenant(name, slug, "starter", "owner@" + slug + ".test", null), CHANGE);
    }

    private static String marker() {
        return "q" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
