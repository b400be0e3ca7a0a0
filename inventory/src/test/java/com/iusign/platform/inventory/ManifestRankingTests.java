package com.iusign.platform.inventory;

import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.lifecycle.ProvisionTenant;
import com.iusign.platform.lifecycle.TenantLifecycle;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Search results are useful while typing: a name that starts with the text comes before one where a later word
 * does, then slugs and domains that start with it, then names that merely contain it; each tenant once, pages in the
 * same order, and the count agreeing with the pages.
 */
@ApplicationModuleTest(extraIncludes = {"lifecycle", "compliance", "security", "mail"})
class ManifestRankingTests {

    private static final Change CHANGE = Change.of(Actor.superAdmin("ranking@iusign.test"), "Ranking test");

    private final TenantManifest manifest;
    private final TenantLifecycle lifecycle;
    private final JdbcClient jdbc;

    ManifestRankingTests(TenantManifest manifest, TenantLifecycle lifecycle, JdbcClient jdbc) {
        this.manifest = manifest;
        this.lifecycle = lifecycle;
        this.jdbc = jdbc;
    }

    @Test
    void nameStartsComeBeforeWordStartsBeforeSlugsAndDomainsBeforeFragmentsInsideAName() {
        String m = marker();
        String other = new StringBuilder(m).reverse().toString();
        provision("Xx" + m + "yy", "x-" + m, null);
        provision("Acme " + m + " Bank", "a-" + m, null);
        provision("Slugged " + other, m + "-slugged", null);
        provision(m.toUpperCase() + "alpha", "n2-" + m, null);
        provision("Zed-" + m, "z-" + m, null);
        provision("Domained " + other, "d-" + m, m + "-sign.example.com");
        provision(m + " Zulu", "n1-" + m, null);
        provision(m + " " + m + "x Twice", "t-" + m, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> names(m, 50).size() == 8);

        List<String> expected = List.of(m + " " + m + "x Twice", m + " Zulu", m.toUpperCase() + "alpha", "Zed-" + m, "Acme " + m + " Bank",
                "Slugged " + other, "Domained " + other, "Xx" + m + "yy");
        assertThat(names(m, 50)).as("name starts (C order: a space before a letter), word starts by the word, slug, domain, contains")
                .containsExactlyElementsOf(expected);

        List<String> paged = new ArrayList<>();
        ManifestQuery query = query(m, 3);
        for (ManifestPage page = manifest.search(query); ; page = manifest.search(query = query.next(page.nextCursor()))) {
            page.items().forEach(entry -> paged.add(entry.name()));
            if (page.nextCursor() == null) {
                break;
            }
        }
        assertThat(paged).as("pages of 3 across the tiers").containsExactlyElementsOf(expected);
        assertThat(manifest.count(query(m, 50), 1000)).isEqualTo(new TenantManifest.ManifestCount(8, false));
        assertThat(manifest.count(query(m, 50), 5)).isEqualTo(new TenantManifest.ManifestCount(5, true));
    }

    @Test
    void aWordStartIsFoundAfterPunctuationAndAnAccentedTextMatchesFolded() {
        String m = marker();
        provision("Münster-" + m + " Notaries", "mu-" + m, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> names(m, 10).size() == 1);

        assertThat(names(m + " NOT", 10)).containsExactly("Münster-" + m + " Notaries");
        assertThat(names("MÜNSTER-" + m, 10)).containsExactly("Münster-" + m + " Notaries");
        assertThat(names("unster-" + m, 10)).as("a fragment inside the name, from three characters").containsExactly("Münster-" + m + " Notaries");
    }

    @Test
    void aSparseFilterOverADenseTextIsReadByItsMatchesAndStaysComplete() {
        String m = marker();
        insertRows(m, "", """
                SELECT gen_random_uuid(), :m || ' row ' || lpad(g::text, 4, '0'), :m || ' row ' || lpad(g::text, 4, '0'),
                       'r-' || :m || '-' || g, 'starter', 'ACTIVE', CASE WHEN g % 1000 = 7 THEN 'SUSPENDED' ELSE 'ACTIVE' END,
                       'owner@' || :m || '.test', now(), now(), 0
                  FROM generate_series(1, 3000) g""");
        try {
            ManifestQuery suspended = new ManifestQuery(m, Set.of("SUSPENDED"), Set.of(), Set.of(), null, null, ManifestSort.NAME, 10, null);
            assertThat(manifest.search(suspended).items()).extracting(ManifestEntry::name)
                    .as("the walk's window (2,000 rows) ends before the page fills: read by the filter, all three found")
                    .containsExactly(m + " row 0007", m + " row 1007", m + " row 2007");
            assertThat(manifest.count(suspended, 1000).value()).isEqualTo(3);
            assertThat(manifest.count(query(m, 10), 1000)).isEqualTo(new TenantManifest.ManifestCount(1000, true));
            ManifestQuery byCreation = new ManifestQuery(m + " row 2", Set.of("SUSPENDED"), Set.of(), Set.of(), null, null,
                    ManifestSort.CREATED, 10, null);
            assertThat(manifest.search(byCreation).items()).extracting(ManifestEntry::name).containsExactly(m + " row 2007");
        } finally {
            removeRows(m);
        }
    }

    @Test
    void threeFiltersTogetherPageThroughExactlyTheirRowsInNameOrderWithAndWithoutText() {
        String m = marker();
        insertRows(m, "", """
                SELECT gen_random_uuid(), :m || ' c' || lpad(g::text, 4, '0'), :m || ' c' || lpad(g::text, 4, '0'), 'c-' || :m || '-' || g,
                       (ARRAY['starter','business','enterprise'])[1 + g % 3], (ARRAY['TRIALING','ACTIVE','PAST_DUE'])[1 + (g / 3) % 3],
                       CASE WHEN g % 2 = 0 THEN 'SUSPENDED' ELSE 'ACTIVE' END, 'owner@' || :m || '.test', now(), now(), 0
                  FROM generate_series(1, 1800) g""");
        try {
            for (String text : java.util.Arrays.asList(null, m)) {
                List<UUID> expected = jdbc.sql("""
                        SELECT tenant_id FROM tenant_manifest
                         WHERE status = 'SUSPENDED' AND plan = 'business' AND subscription_status = 'TRIALING'
                           AND (CAST(:text AS text) IS NULL OR starts_with(name_folded, :text)) ORDER BY name_folded, tenant_id""")
                        .param("text", text).query(UUID.class).list();
                ManifestQuery query = new ManifestQuery(text, Set.of("SUSPENDED"), Set.of("TRIALING"), Set.of("business"), null, null,
                        ManifestSort.NAME, 25, null);
                List<UUID> seen = new ArrayList<>();
                for (ManifestPage page = manifest.search(query); ; page = manifest.search(query = query.next(page.nextCursor()))) {
                    page.items().forEach(entry -> seen.add(entry.id()));
                    if (page.nextCursor() == null) {
                        break;
                    }
                }
                assertThat(seen).as("text " + text).hasSizeGreaterThanOrEqualTo(100).isEqualTo(expected);
            }
        } finally {
            removeRows(m);
        }
    }

    @Test
    void aWordTierCountWithAFilterCountsEachTenantOnceExactlyAndStopsAtItsCap() {
        String m = marker();
        insertRows(m, ", seat_limit, seats_used", """
                SELECT gen_random_uuid(), 'Zz ' || :m || ' ' || :m || ' ' || g, 'zz ' || :m || ' ' || :m || ' ' || g, 'w-' || :m || '-' || g,
                       (ARRAY['starter','business'])[1 + g % 2], 'ACTIVE', CASE WHEN g % 3 = 0 THEN 'SUSPENDED' ELSE 'ACTIVE' END,
                       'owner@' || :m || '.test', now(), now(), 0, 5, CASE WHEN g % 5 = 0 THEN 5 ELSE 1 END
                  FROM generate_series(1, 600) g""");
        try {
            ManifestQuery suspended = new ManifestQuery(m, Set.of("SUSPENDED"), Set.of(), Set.of(), null, null, ManifestSort.NAME, 10, null);
            assertThat(manifest.count(suspended, 1000)).as("two words start with the text in each name: counted once")
                    .isEqualTo(new TenantManifest.ManifestCount(200, false));
            assertThat(manifest.count(suspended, 50)).isEqualTo(new TenantManifest.ManifestCount(50, true));
            ManifestQuery both = new ManifestQuery(m, Set.of("SUSPENDED"), Set.of(), Set.of("business"), null, null, ManifestSort.NAME, 10, null);
            assertThat(manifest.count(both, 1000).value()).as("g even and a multiple of 3").isEqualTo(100);
            ManifestQuery over = new ManifestQuery(m, Set.of(), Set.of(), Set.of(), null, null, ManifestSort.NAME, 10, null,
                    Set.of(ManifestQuery.USAGE_OVER), null);
            assertThat(manifest.count(over, 1000).value()).as("a quota filter").isEqualTo(120);
            ManifestQuery slugs = new ManifestQuery("w-" + m + "-", Set.of("SUSPENDED"), Set.of(), Set.of("business"), null, null,
                    ManifestSort.NAME, 10, null);
            assertThat(manifest.count(slugs, 1000).value()).as("a slug tier's count tests the filters on the slug index").isEqualTo(100);
            assertThat(manifest.count(slugs, 60)).isEqualTo(new TenantManifest.ManifestCount(60, true));

            // The words carry the filters (inventory-014): a change of status, alone or with the name, reaches them.
            jdbc.sql("UPDATE tenant_manifest SET status = 'ACTIVE' WHERE owner_email = 'owner@' || :m || '.test' AND plan = 'business'")
                    .param("m", m).update();
            assertThat(manifest.count(suspended, 1000).value()).isEqualTo(100);
            assertThat(manifest.count(both, 1000).value()).isZero();
            jdbc.sql("UPDATE tenant_manifest SET name_folded = name_folded || ' renamed', status = 'SUSPENDED' WHERE slug = 'w-' || :m || '-1'")
                    .param("m", m).update();
            assertThat(manifest.count(suspended, 1000).value()).isEqualTo(101);
            assertThat(manifest.count(both, 1000).value()).isEqualTo(1);
            assertThat(manifest.count(slugs, 1000).value()).isEqualTo(1);
        } finally {
            removeRows(m);
        }
    }

    @Test
    void mostEnvelopesThisMonthFirstThenEveryOtherTenantAndALastMonthsCountCountsZero() {
        String m = marker();
        insertRows(m, ", envelopes_this_month, usage_month", """
                SELECT gen_random_uuid(), :m || ' e' || v.n, :m || ' e' || v.n, 'e-' || :m || '-' || v.n, 'starter', 'ACTIVE', 'ACTIVE',
                       'owner@' || :m || '.test', now(), now(), 0, v.envelopes,
                       CASE WHEN v.last_month THEN date_trunc('month', now() - interval '1 month')::date
                            ELSE date_trunc('month', now() AT TIME ZONE 'UTC')::date END
                  FROM (VALUES (1, 30, false), (2, 7, false), (3, 500, true), (4, 0, false), (5, 12, false), (6, 0, true)) v(n, envelopes, last_month)
                """);
        try {
            ManifestQuery byEnvelopes = new ManifestQuery(m, Set.of(), Set.of(), Set.of(), null, null, ManifestSort.ENVELOPES_THIS_MONTH, 2, null);
            List<ManifestEntry> seen = new ArrayList<>();
            for (ManifestPage page = manifest.search(byEnvelopes); ; page = manifest.search(byEnvelopes = byEnvelopes.next(page.nextCursor()))) {
                seen.addAll(page.items());
                if (page.nextCursor() == null) {
                    break;
                }
            }
            assertThat(seen).extracting(ManifestEntry::envelopesThisMonth).containsExactly(30, 12, 7, 0, 0, 0);
            assertThat(seen.subList(0, 3)).extracting(ManifestEntry::name).containsExactly(m + " e1", m + " e5", m + " e2");
            List<String> zeros = seen.subList(3, 6).stream().map(entry -> entry.id().toString()).toList();
            assertThat(zeros).as("the tenants without envelopes this month by id, last month's 500 among them").isSortedAccordingTo(
                    java.util.Comparator.reverseOrder());
            assertThat(seen.subList(3, 6)).extracting(ManifestEntry::name).containsExactlyInAnyOrder(m + " e3", m + " e4", m + " e6");
        } finally {
            removeRows(m);
        }
    }

    @Test
    void aFragmentTierReadByANarrowIndexWalkAndByItsMatchesFirstGivesTheSamePages() {
        String m = marker();
        insertRows(m, "", """
                SELECT gen_random_uuid(), 'Zz' || :m || ' ' || g, 'zz' || :m || ' ' || g, 'f-' || :m || '-' || g, 'starter', 'ACTIVE',
                       CASE WHEN g % 3 = 0 THEN 'SUSPENDED' ELSE 'ACTIVE' END, 'owner@' || :m || '.test', now(), now(), 0
                  FROM generate_series(1, 300) g""");
        try {
            ManifestWalk fragment = ManifestText.of(m, m).tiers().getLast();
            assertThat(fragment.rank()).isEqualTo(6);
            assertThat(fragment.narrow()).isTrue();
            ManifestReader walking = new ManifestReader(jdbc, 0);
            ManifestReader matchesFirst = new ManifestReader(jdbc, Long.MAX_VALUE);
            WalkFilters suspended = WalkFilters.of("status IN (:statuses)", java.util.Map.of("statuses", List.of("SUSPENDED")));
            for (ManifestReader reader : List.of(walking, matchesFirst)) {
                List<ManifestReader.Row> first = reader.read(fragment, suspended, null, 40);
                ManifestReader.Row last = first.getLast();
                List<ManifestReader.Row> second = reader.read(fragment, suspended, new ManifestCursor(ManifestSort.NAME, 6,
                        last.key(), last.id()), 100);
                assertThat(first).hasSize(40);
                assertThat(second).hasSize(60);
                List<String> names = java.util.stream.Stream.concat(first.stream(), second.stream()).map(row -> row.entry().name()).toList();
                assertThat(names).as("every third of 300, in name order, once").hasSize(100).doesNotHaveDuplicates()
                        .isSortedAccordingTo(java.util.Comparator.comparing(name -> name.toLowerCase(java.util.Locale.ROOT)))
                        .allMatch(name -> Integer.parseInt(name.substring(name.lastIndexOf(' ') + 1)) % 3 == 0);
            }
            assertThat(walking.explaining(() -> walking.read(fragment, suspended, null, 40)))
                    .as("the narrow walk ran").anyMatch(plan -> plan.startsWith("-- walk"))
                    .noneMatch(plan -> plan.startsWith("-- matches first"));
            for (ManifestReader reader : List.of(walking, matchesFirst)) {
                assertThat(reader.count(fragment, suspended, 1000)).as("all 100, by the walk's count or after it").isEqualTo(100);
                assertThat(reader.count(fragment, suspended, 40)).as("capped").isEqualTo(40);
            }
            // Where the 300 rows lie in the table is up to PostgreSQL (and the rows of other tests), so whether the
            // window reaches the cap is not fixed here; the count is exact either way (above).
            assertThat(walking.explaining(() -> walking.count(fragment, suspended, 40)))
                    .as("a dense fragment is counted in a window of the table first").first()
                    .satisfies(plan -> assertThat(plan).startsWith("-- count by window").contains("Seq Scan on tenant_manifest"));
            // A window over the whole table: its count alone decides when it reaches the cap, and must be exact.
            ManifestReader wholeTable = new ManifestReader(jdbc, 0, Integer.MAX_VALUE);
            assertThat(wholeTable.explaining(() -> assertThat(wholeTable.count(fragment, suspended, 100)).isEqualTo(100)))
                    .as("the window reached the cap: no other count").singleElement()
                    .satisfies(plan -> assertThat(plan).startsWith("-- count by window"));
            assertThat(wholeTable.count(fragment, suspended, 101)).as("one over: the window falls short, the trigram index counts")
                    .isEqualTo(100);
        } finally {
            removeRows(m);
        }
    }

    @Test
    void aFragmentWithASpaceIsReadAmongTheNamesWithAWordThatStartsAfterItsSpaceAndLosesNoName() {
        String m = marker();
        String tail = m.substring(4);
        provision("Xa" + m + " Bank 42", "xa-" + m, null);
        provision(m + " Bank 4711", "m-" + m, null);
        provision("Q" + m + "  bank 43", "q-" + m, null);
        provision(m + "bank 42", "nb-" + m, null);
        provision(m + " Banker", "bk-" + m, null);
        provision("Hy" + m + "-bank 44", "hy-" + m, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> names(m, 10).size() == 6);

        String q = tail + " bank 4";
        ManifestText text = ManifestText.of(q, q);
        assertThat(text.innerWord()).isEqualTo(tail.length() + 1);
        assertThat(ManifestText.of("acme  b", "acme  b").innerWord()).as("after the last of two spaces").isEqualTo(6);
        assertThat(ManifestText.of("acme ", "acme ").innerWord()).as("no word after the space").isEqualTo(-1);
        assertThat(ManifestText.of("acme-bank", "acme-bank").innerWord()).as("after ASCII punctuation").isEqualTo(5);
        assertThat(ManifestText.of("acme--", "acme--").innerWord()).as("punctuation starts no word").isEqualTo(-1);
        assertThat(ManifestText.of("acme\u00b7bank", "acme\u00b7bank").innerWord()).as("not after a character a locale may call a letter")
                .isEqualTo(-1);
        assertThat(jdbc.sql("SELECT ARRAY[manifest_preceding('ab cd', 'cd'), manifest_preceding('abcdefghij klm', 'klm'), "
                + "manifest_preceding('ab', 'ab')]").query((row, n) -> List.of((String[]) row.getArray(1).getArray())).single())
                .as("up to eight characters before the word").containsExactly("ab ", "defghij ", "");
        ManifestWalk fragment = text.tiers().getLast();
        assertThat(fragment.matches()).contains("tenant_manifest_word");
        assertThat(fragment.params()).containsEntry("head", tail + " ").containsEntry("headLength", 8);
        ManifestReader matchesFirst = new ManifestReader(jdbc, Long.MAX_VALUE);
        assertThat(matchesFirst.read(fragment, WalkFilters.NONE, null, 10)).extracting(row -> row.entry().name())
                .as("inside a word, then a space, then the word (two spaces, too); not without the space or with another word")
                .containsExactly(m + " Bank 4711", "Xa" + m + " Bank 42");
        assertThat(matchesFirst.count(fragment, WalkFilters.NONE, 1000)).isEqualTo(2);
        assertThat(names(q, 10)).containsExactly(m + " Bank 4711", "Xa" + m + " Bank 42");
        assertThat(names(tail + "  bank 4", 10)).containsExactly("Q" + m + "  bank 43");
        ManifestWalk hyphen = ManifestText.of(tail + "-bank 4", tail + "-bank 4").tiers().getLast();
        assertThat(hyphen.matches()).contains("tenant_manifest_word");
        assertThat(matchesFirst.read(hyphen, WalkFilters.NONE, null, 10)).extracting(row -> row.entry().name())
                .containsExactly("Hy" + m + "-bank 44");
        assertThat(names(tail + "-bank 4", 10)).containsExactly("Hy" + m + "-bank 44");
    }

    @Test
    void aFragmentWithPunctuationIsReadAmongTheNamesWithItsPiecesNotAmongEveryNameWithItsLetters() {
        String m = marker();
        insertRows(m, "", """
                SELECT gen_random_uuid(), n, lower(n), 'p-' || :m || '-' || g, 'starter', 'ACTIVE', 'ACTIVE', 'owner@' || :m || '.test',
                       now() - g * interval '1 minute', now(), 0
                  FROM (SELECT g, CASE g WHEN 1 THEN 'Qq' || :m || '-Bank 1' WHEN 2 THEN 'Ab' || :m || '- y' WHEN 3 THEN 'Qq' || :m || '.co'
                                         WHEN 4 THEN 'Qq' || :m || 'bank' ELSE 'Zz' || :m || ' row ' || g END AS n
                          FROM generate_series(1, 3000) g) rows""");
        jdbc.sql("ANALYZE tenant_manifest").update();
        try {
            String q = m.substring(2) + "-";
            ManifestText text = ManifestText.of(q, q);
            assertThat(text.marked()).isTrue();
            assertThat(ManifestText.of("acme bank", "acme bank").marked()).as("letters, digits and spaces only").isFalse();
            assertThat(ManifestText.of("o'", "o'").marked()).as("under three characters: no piece").isFalse();
            assertThat(names(q, 10)).as("the names with the text, not those with its letters alone")
                    .containsExactly("Ab" + m + "- y", "Qq" + m + "-Bank 1");
            assertThat(names(m.substring(2) + ".c", 10)).containsExactly("Qq" + m + ".co");
            assertThat(manifest.count(query(q, 50), 1000).value()).isEqualTo(2);
            ManifestQuery byCreation = new ManifestQuery(q, Set.of(), Set.of(), Set.of(), null, null, ManifestSort.CREATED, 10, null);
            assertThat(manifest.search(byCreation).items()).extracting(ManifestEntry::name)
                    .containsExactly("Qq" + m + "-Bank 1", "Ab" + m + "- y");

            ManifestReader matchesFirst = new ManifestReader(jdbc, Long.MAX_VALUE);
            ManifestWalk fragment = text.tiers().getLast();
            assertThat(matchesFirst.explaining(() -> assertThat(matchesFirst.read(fragment, WalkFilters.NONE, null, 10))
                    .hasSize(2)))
                    .as("read through the marks index, not through the 3,000 names with the text's letters")
                    .anySatisfy(plan -> assertThat(plan).startsWith("-- matches first").contains("tenant_manifest_name_marks")
                            .doesNotContain("tenant_manifest_name_trgm"));
        } finally {
            removeRows(m);
        }
    }

    @Test
    void anExportStreamsEveryMatchOnceInTheSearchOrderAcrossFetchesAndTiers() {
        String m = marker();
        int rows = ManifestReader.FETCH * 2 + 3;
        insertRows(m, "", """
                SELECT gen_random_uuid(), n, lower(n), 'e-' || :m || '-' || g, 'starter',
                       'ACTIVE', CASE WHEN g %% 2 = 0 THEN 'SUSPENDED' ELSE 'ACTIVE' END, 'owner@' || :m || '.test',
                       now() - g * interval '1 minute', now(), 0
                  FROM (SELECT g, CASE WHEN g %% 3 = 0 THEN 'Yy ' || :m || ' ' || g ELSE :m || ' row ' || lpad(g::text, 6, '0') END AS n
                          FROM generate_series(1, %d) g) rows""".formatted(rows));
        try {
            List<String> exported = new ArrayList<>();
            manifest.export(query(m, 50), entry -> exported.add(entry.name()));
            List<String> paged = new ArrayList<>();
            ManifestQuery page = query(m, ManifestQuery.MAX_SIZE);
            while (true) {
                ManifestPage found = manifest.search(page);
                found.items().forEach(entry -> paged.add(entry.name()));
                if (found.nextCursor() == null) {
                    break;
                }
                page = page.next(found.nextCursor());
            }
            assertThat(exported).as("every row once, across three fetches of the cursor").hasSize(rows).doesNotHaveDuplicates()
                    .as("the names that start with the text, then those with a later word that does, as the pages list them")
                    .isEqualTo(paged);
            assertThat(exported.getFirst()).startsWith(m);
            assertThat(exported.getLast()).startsWith("Yy ");

            List<String> suspended = new ArrayList<>();
            manifest.export(new ManifestQuery(m, Set.of("SUSPENDED"), Set.of(), Set.of(), null, null, ManifestSort.NAME, 50, null),
                    entry -> suspended.add(entry.status()));
            assertThat(suspended).hasSize(rows / 2).containsOnly("SUSPENDED");
        } finally {
            removeRows(m);
        }
    }

    @Test
    void theEndOfAPrefixRangeIsTheLeastStringAboveEveryStringWithThatPrefix() {
        assertThat(ManifestText.end("acme")).isEqualTo("acmf");
        assertThat(ManifestText.end("a\uD7FF")).isEqualTo("a\uE000");
        assertThat(ManifestText.end("a\uD83D\uDE00")).isEqualTo("a\uD83D\uDE01");
        assertThat(ManifestText.end("a" + Character.toString(Character.MAX_CODE_POINT))).isEqualTo("b");
        assertThat(ManifestText.of("ab", "ab").tiers()).extracting(ManifestWalk::rank).as("no fragment tier under three characters")
                .containsExactly(1, 2, 3, 4, 5);
        assertThat(ManifestText.of("abc", "abc").tiers()).extracting(ManifestWalk::rank).containsExactly(1, 2, 3, 4, 5, 6);
    }

    private List<String> names(String q, int size) {
        return manifest.search(query(q, size)).items().stream().map(ManifestEntry::name).toList();
    }

    /** Rows straight into the manifest: {@code select} yields the columns below and then {@code more}, with {@code :m} bound. */
    private void insertRows(String m, String more, String select) {
        jdbc.sql("INSERT INTO tenant_manifest (tenant_id, name, name_folded, slug, plan, subscription_status, status, owner_email, "
                + "created_at, status_changed_at, source_version" + more + ") " + select).param("m", m).update();
    }

    private void removeRows(String m) {
        jdbc.sql("DELETE FROM tenant_manifest WHERE owner_email = 'owner@' || :m || '.test'").param("m", m).update();
    }

    private static ManifestQuery query(String q, int size) {
        return new ManifestQuery(q, Set.of(), Set.of(), Set.of(), null, null, ManifestSort.NAME, size, null);
    }

    private void provision(String name, String slug, String domain) {
        lifecycle.provision(new ProvisionTenant(name, slug, "starter", "owner@" + slug + ".test", domain), CHANGE);
    }

    private static String marker() {
        return "r" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
