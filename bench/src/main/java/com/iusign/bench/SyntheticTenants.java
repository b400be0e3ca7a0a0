package com.iusign.bench;

import org.springframework.context.ConfigurableApplicationContext;

import java.sql.Connection;
import java.sql.DriverManager;

/** Loads N synthetic tenants straight into the manifest with one set-based statement (benchmarks only). */
final class SyntheticTenants {

    private SyntheticTenants() {
    }

    static final String[] TRADES = {"legal", "bank", "health", "logistics", "insurance", "realty", "capital", "energy", "pharma",
            "labs", "notaries", "mortgages", "zurich", "malmo", "krakow", "sao paulo", "medical", "nandu"};

    static final String[] WORDS = {"acme", "northwind", "contoso", "globex", "initech", "umbrella", "stark", "wayne", "hooli",
            "vandelay", "tyrell", "cyberdyne", "aperture", "soylent", "oscorp", "monarch", "zorg", "sirius", "bluth", "prestige"};

    /** One set-based statement: names "<Word> <Trade> <number>", mixed plans, subscriptions and statuses, as the owner role. */
    static void load(ConfigurableApplicationContext app, int tenants) throws Exception {
        var environment = app.getEnvironment();
        try (Connection owner = DriverManager.getConnection(environment.getProperty("spring.liquibase.url"),
                environment.getProperty("spring.liquibase.user"), environment.getProperty("spring.liquibase.password", ""))) {
            owner.createStatement().execute("""
                    INSERT INTO tenant_manifest (tenant_id, name, name_folded, slug, custom_domain, plan, subscription_status, status,
                                                 owner_email, created_at, status_changed_at, source_version)
                    SELECT gen_random_uuid(), n.name, manifest_fold(n.name), 'gen-' || g, CASE WHEN g % 4 = 0 THEN 'sign.gen-' || g || '.example.com' END,
                           (ARRAY['starter','starter','business','enterprise'])[1 + g % 4],
                           (ARRAY['TRIALING','ACTIVE','ACTIVE','ACTIVE','PAST_DUE','CANCELED'])[1 + g % 6],
                           (ARRAY['ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','SUSPENDED','DEACTIVATED'])[1 + (g / 7) % 10],
                           'owner@gen-' || g || '.example.com', now() - (g % 1000) * interval '1 day', now() - (g % 97) * interval '1 hour', 0
                      FROM generate_series(1, {N}) g
                      CROSS JOIN LATERAL (SELECT initcap((ARRAY['{WORDS}'])[1 + g % 20]) || ' '
                             || (ARRAY['Legal','Bank','Health','Logistics','Insurance','Realty','Capital','Energy','Pharma','Labs',
                                       'Notaries','Mortgages','Zürich','Malmö','Kraków','São Paulo','Médical','Ñandú'])[1 + (g / 20) % 18]
                             || ' ' || (1000 + (g::bigint * 7919) % 9000)::text AS name) n""".replace("{N}", Integer.toString(tenants)).replace("{WORDS}", String.join("','", WORDS)));
            owner.createStatement().execute("ANALYZE tenant_manifest");
        }
    }

}
