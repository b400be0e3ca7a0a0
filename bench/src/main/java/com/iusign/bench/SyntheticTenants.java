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
            owner.createStatement().execute("""
                    INSERT INTO tenant_manifest (tenant_id, name, name_folded, slug, custom_domain, plan, subscription_status, status,
                                                 owner_email, created_at, status_changed_at, source_version, seat_limit,
                                                 monthly_envelope_limit, seats_used, envelopes_this_month, usage_month, last_activity_at)
                    SELECT gen_random_uuid(), n.name, manifest_fold(n.name), n.slug || '-' || g,
                           CASE WHEN g % 4 = 0 THEN 'sign.' || n.slug || '-' || g || '.example.com' END,
                           p.plan, (ARRAY['TRIALING','ACTIVE','ACTIVE','ACTIVE','PAST_DUE','CANCELED'])[1 + g % 6],
                           (ARRAY['ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','SUSPENDED','DEACTIVATED'])[1 + (g / 7) % 10],
                           'owner@' || n.slug || '-' || g || '.example.com', now() - (g % 730) * interval '1 day',
                           now() - (g % 97) * interval '1 hour', 0, p.seats, p.envelopes,
                           floor(p.seats * 1.05 * power(((g::bigint * 7919) % 1000) / 1000.0, 4)),
                           floor(p.envelopes * 1.05 * power(((g::bigint * 104729) % 1000) / 1000.0, 4)),
                           CASE WHEN g % 5 = 0 THEN date_trunc('month', now() - interval '1 month')::date
                                ELSE date_trunc('month', now() AT TIME ZONE 'UTC')::date END,
                           CASE WHEN g % 11 = 0 THEN NULL ELSE now() - ((g::bigint * 37) % 120) * interval '1 day' END
                      FROM generate_series(1, {N}) g
                      CROSS JOIN LATERAL (SELECT (ARRAY['starter','starter','business','enterprise'])[1 + g % 4] AS plan,
                                                 (ARRAY[5, 5, 50, 500])[1 + g % 4] AS seats,
                                                 (ARRAY[100, 100, 1000, 10000])[1 + g % 4] AS envelopes) p
                      CROSS JOIN LATERAL (SELECT CASE WHEN g % 20 = 0 THEN 'acme'
                                                 ELSE {S}[1 + (g * 31) % 40] || {S}[1 + (g * 17 / 40) % 40]
                                                      || CASE WHEN g % 3 = 0 THEN {S}[1 + (g / 1600) % 40] ELSE '' END END AS w1,
                                                 CASE WHEN g % 2 = 0 AND g % 20 <> 0 THEN {S}[1 + (g * 13 / 7) % 40] || {S}[1 + (g / 11) % 40] END AS w2) w
                      CROSS JOIN LATERAL (SELECT initcap(w.w1) || coalesce(' ' || initcap(w.w2), '') || ' '
                                                 || {T}[1 + ((g * 7) / 3) % 30] || ' ' || (1000 + (g::bigint * 7919) % 9000)::text AS name,
                                                 w.w1 || coalesce('-' || w.w2, '') AS slug) n"""
                    .replace("{N}", Integer.toString(tenants)).replace("{S}", syllables).replace("{T}", trades));
            owner.createStatement().execute("VACUUM ANALYZE tenant_manifest");
            owner.createStatement().execute("VACUUM ANALYZE tenant_manifest_word");
        }
    }
}
