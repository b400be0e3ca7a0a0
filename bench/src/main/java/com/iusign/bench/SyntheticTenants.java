package com.iusign.bench;

import org.springframework.context.ConfigurableApplicationContext;

import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Loads N synthetic tenants straight into the manifest with one set-based statement (benchmarks only), deterministic
 * in N. Names have realistic variety: one or two invented words of two or three syllables (40 syllables: 1,600 +
 * 64,000 distinct words), a trade and a number ("Korvel Bank 4242", "Tamjor Ulsel Notaries 1234"), 5% of them
 * starting with "Acme" for the typing sequence, and a trade containing "ban" in a third of all names (the worst case
 * for a fragment). Slugs follow the name; a quarter have a custom domain; plans come with their limits and usage is
 * skewed (most tenants far from their quotas, a few near or over), activity spread over four months.
 */
final class SyntheticTenants {

    private SyntheticTenants() {
    }

    static final String[] SYLLABLES = {"ka", "lo", "mi", "ra", "ven", "tor", "sel", "dan", "qui", "bre", "sto", "nal", "fen", "gri",
            "hol", "jas", "kor", "lum", "mar", "nor", "pel", "ros", "sil", "tam", "ul", "vin", "wal", "xan", "yor", "zel", "ber", "cas",
            "dor", "el", "fay", "gal", "hav", "is", "jor", "kel"};

    /** The first ten contain "ban": a third of all names. */
    static final String[] TRADES = {"Bank", "Banque", "Bancorp", "Urban Living", "Banking Group", "Albany Trust", "Bangor Legal",
            "Turban Imports", "Banyan Capital", "Suburban Realty", "Legal", "Health", "Logistics", "Insurance", "Realty", "Capital",
            "Energy", "Pharma", "Labs", "Notaries", "Mortgages", "Zürich", "Malmö", "Kraków", "São Paulo", "Médical", "Ñandú",
            "Consulting", "Partners", "Holdings"};

    /** A word of the generator: what a SuperAdmin might type (2 syllables from index {@code i}). */
    static String word(int i) {
        return SYLLABLES[i % SYLLABLES.length] + SYLLABLES[(i / SYLLABLES.length) % SYLLABLES.length];
    }

    static void load(ConfigurableApplicationContext app, int tenants) throws Exception {
        var environment = app.getEnvironment();
        String syllables = "(ARRAY['" + String.join("','", SYLLABLES) + "'])";
        String trades = "(ARRAY['" + String.join("','", TRADES) + "'])";
        try (Connection owner = DriverManager.getConnection(environment.getProperty("spring.liquibase.url"),
                environment.getProperty("spring.liquibase.user"), environment.getProperty("spring.liquibase.password", ""))) {
            // Every attribute is its own pseudo-random draw (h(k): a hash of the row number and k), so that plans, statuses,
            // subscriptions, usage and names are independent of each other, as in a real fleet, rather than patterned.
            owner.createStatement().execute("""
                    INSERT INTO tenant_manifest (tenant_id, name, name_folded, slug, custom_domain, plan, subscription_status, status,
                                                 owner_email, created_at, status_changed_at, source_version, seat_limit,
                                                 monthly_envelope_limit, seats_used, envelopes_this_month, usage_month, last_activity_at)
                    SELECT gen_random_uuid(), n.name, manifest_fold(n.name), n.slug || '-' || g,
                           CASE WHEN h.h[21] % 4 = 0 THEN 'sign.' || n.slug || '-' || g || '.example.com' END,
                           p.plan, (ARRAY['TRIALING','ACTIVE','ACTIVE','ACTIVE','PAST_DUE','CANCELED'])[1 + h.h[2] % 6],
                           (ARRAY['ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','SUSPENDED','DEACTIVATED'])[1 + h.h[3] % 10],
                           'owner@' || n.slug || '-' || g || '.example.com', now() - (h.h[14] % 730) * interval '1 day',
                           now() - (h.h[15] % 97) * interval '1 hour', 0, p.seats, p.envelopes,
                           floor(p.seats * 1.05 * power((h.h[16] % 1000) / 1000.0, 4)),
                           floor(p.envelopes * 1.05 * power((h.h[17] % 1000) / 1000.0, 4)),
                           CASE WHEN h.h[18] % 5 = 0 THEN date_trunc('month', now() - interval '1 month')::date
                                ELSE date_trunc('month', now() AT TIME ZONE 'UTC')::date END,
                           CASE WHEN h.h[19] % 11 = 0 THEN NULL ELSE now() - (h.h[20] % 120) * interval '1 day' END
                      FROM generate_series(1, {N}) g
                      CROSS JOIN LATERAL (SELECT ARRAY(SELECT abs(hashint8(g::bigint * 32 + k)::bigint) FROM generate_series(1, 21) k) AS h) h
                      CROSS JOIN LATERAL (SELECT (ARRAY['starter','starter','business','enterprise'])[1 + h.h[1] % 4] AS plan,
                                                 (ARRAY[5, 5, 50, 500])[1 + h.h[1] % 4] AS seats,
                                                 (ARRAY[100, 100, 1000, 10000])[1 + h.h[1] % 4] AS envelopes) p
                      CROSS JOIN LATERAL (SELECT CASE WHEN h.h[4] % 20 = 0 THEN 'acme'
                                                 ELSE {S}[1 + h.h[5] % 40] || {S}[1 + h.h[6] % 40]
                                                      || CASE WHEN h.h[7] % 3 = 0 THEN {S}[1 + h.h[8] % 40] ELSE '' END END AS w1,
                                                 CASE WHEN h.h[9] % 2 = 0 AND h.h[4] % 20 <> 0
                                                      THEN {S}[1 + h.h[10] % 40] || {S}[1 + h.h[11] % 40] END AS w2) w
                      CROSS JOIN LATERAL (SELECT initcap(w.w1) || coalesce(' ' || initcap(w.w2), '') || ' '
                                                 || {T}[1 + h.h[12] % 30] || ' ' || (1000 + h.h[13] % 9000)::text AS name,
                                                 w.w1 || coalesce('-' || w.w2, '') AS slug) n"""
                    .replace("{N}", Integer.toString(tenants)).replace("{S}", syllables).replace("{T}", trades));
        }
        vacuum(app);
    }

    /**
     * VACUUM ANALYZE of the manifest's tables: after a load, and on a database loaded by an earlier run, whose tables a
     * migration since may have rewritten (inventory-014 wrote the words again), so that every run measures index-only
     * walks over all-visible pages with fresh statistics, as a settled production database has them.
     */
    static void vacuum(ConfigurableApplicationContext app) throws Exception {
        var environment = app.getEnvironment();
        try (Connection owner = DriverManager.getConnection(environment.getProperty("spring.liquibase.url"),
                environment.getProperty("spring.liquibase.user"), environment.getProperty("spring.liquibase.password", ""))) {
            owner.createStatement().execute("VACUUM ANALYZE tenant_manifest");
            owner.createStatement().execute("VACUUM ANALYZE tenant_manifest_word");
        }
    }
}
