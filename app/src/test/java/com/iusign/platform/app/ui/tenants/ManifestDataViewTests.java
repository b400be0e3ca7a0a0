package com.iusign.platform.app.ui.tenants;

import com.iusign.platform.inventory.ManifestEntry;
import com.iusign.platform.inventory.ManifestQuery;
import com.iusign.platform.inventory.ManifestSort;
import com.iusign.platform.inventory.TenantManifest;
import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.lifecycle.ProvisionTenant;
import com.iusign.platform.lifecycle.TenantLifecycle;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The grid's keyset adapter answers any offset window exactly like the full ordered list, holding few cursors. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ManifestDataViewTests {

    private static final int TENANTS = 70;
    private static final int PAGE = 2;

    private final TenantLifecycle lifecycle;
    private final TenantManifest manifest;

    ManifestDataViewTests(TenantLifecycle lifecycle, TenantManifest manifest) {
        this.lifecycle = lifecycle;
        this.manifest = manifest;
    }

    @Test
    void anyWindowMatchesTheOrderedListWhateverTheScrollPathAndCursorsStayBounded() {
        String marker = "dv" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Change change = Change.of(Actor.system("test"), "Data view test");
        for (int i = 0; i < TENANTS; i++) {
            lifecycle.provision(new ProvisionTenant("Grid " + marker + " " + (1000 + i * 37 % 997), "grid-" + marker + "-" + i,
                    "starter", "o@grid-" + marker + "-" + i + ".test", null), change);
        }
        ManifestQuery query = new ManifestQuery(marker, Set.of(), Set.of(), Set.of(), null, null, ManifestSort.NAME, 200, null);
        await().atMost(Duration.ofSeconds(20)).until(() -> manifest.search(query).items().size() == TENANTS);
        List<ManifestEntry> all = manifest.search(query).items();

        ManifestDataView view = new ManifestDataView(manifest, query, PAGE);
        for (int offset = 0; offset < TENANTS; offset += 7) {
            assertWindow(view, all, offset, 7);
        }
        assertWindow(view, all, 61, 30);
        assertWindow(view, all, 3, 5);
        assertWindow(view, all, 41, 4);
        assertWindow(view, all, 0, TENANTS + 10);
        assertThat(new ManifestDataView(manifest, query, PAGE).fetch(67, 10).toList()).as("a first request far down")
                .isEqualTo(all.subList(67, TENANTS));
        assertThat(view.fetch(TENANTS, 5).toList()).isEmpty();
        int pages = TENANTS / PAGE;
        assertThat(view.cursorsHeld()).as("checkpoints plus the recent window, not one cursor per page")
                .isLessThanOrEqualTo(pages / ManifestDataView.CHECKPOINT_EVERY + 1 + 2 * ManifestDataView.RECENT + 1)
                .isLessThan(pages);
    }

    @Test
    void aViewStartedWithItsFirstPageServesItOnceWithoutReadingItAgainThenPagesOnFromItsCursor() {
        String marker = "dvf" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Change change = Change.of(Actor.system("test"), "Data view test");
        for (int i = 0; i < ManifestDataView.PAGE + 5; i++) {
            lifecycle.provision(new ProvisionTenant("First " + marker + " " + (100 + i), "first-" + marker + "-" + i,
                    "starter", "o@first-" + marker + "-" + i + ".test", null), change);
        }
        ManifestQuery query = new ManifestQuery(marker, Set.of(), Set.of(), Set.of(), null, null, ManifestSort.NAME, ManifestDataView.PAGE, null);
        await().atMost(Duration.ofSeconds(20)).until(() -> manifest.search(query.withSize(200)).items().size() == ManifestDataView.PAGE + 5);
        List<ManifestEntry> all = manifest.search(query.withSize(200)).items();
        var first = manifest.search(query);
        // A stand-in first page that no query could return: what the view serves proves where it came from.
        var standIn = new com.iusign.platform.inventory.ManifestPage(List.of(all.getLast()), first.nextCursor());

        ManifestDataView view = ManifestDataView.startingWith(manifest, query, standIn);
        assertThat(view.fetch(0, 1).toList()).as("page 0 from memory").containsExactly(all.getLast());
        assertThat(view.fetch(ManifestDataView.PAGE, 5).toList()).as("page 1 from the first page's cursor")
                .isEqualTo(all.subList(ManifestDataView.PAGE, ManifestDataView.PAGE + 5));
        assertThat(view.fetch(0, 1).toList()).as("served once: asked again, page 0 is read").containsExactly(all.getFirst());
    }

    private static void assertWindow(ManifestDataView view, List<ManifestEntry> all, int offset, int limit) {
        assertThat(view.fetch(offset, limit).map(ManifestEntry::id).toList()).as("offset %d limit %d", offset, limit)
                .isEqualTo(all.subList(offset, Math.min(all.size(), offset + limit)).stream().map(ManifestEntry::id).toList());
    }
}
