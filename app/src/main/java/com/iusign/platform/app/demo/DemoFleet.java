package com.iusign.platform.app.demo;

import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.lifecycle.ProvisionTenant;
import com.iusign.platform.lifecycle.SubscriptionStatus;
import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.lifecycle.UpdateTenant;
import com.iusign.platform.inventory.TenantManifest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

/**
 * Fills an empty database with a realistic demo fleet (200 tenants across plans, subscription
 * and operational statuses, with renames and suspensions in their history, and two years of
 * generated past from {@link DemoHistory}), so that the one-command run shows a living platform. On by default only with the embedded servers;
 * {@code iusign.demo-data.enabled} decides explicitly. Everything goes through the lifecycle
 * façade, so the demo tenants have the same history and audit trail as real ones, by the actor
 * {@code system:demo-data}. Deterministic: the same fleet every time.
 */
@Component
@Order(10)
class DemoFleet implements ApplicationRunner {

    static final int SIZE = 200;
    private static final Logger log = LoggerFactory.getLogger(DemoFleet.class);
    private static final Actor DEMO = DemoHistory.DEMO;
    private static final List<String> BRANDS = List.of("Acme", "Northwind", "Contoso", "Globex", "Initech", "Umbrella", "Stark",
            "Wayne", "Hooli", "Vandelay", "Tyrell", "Cyberdyne", "Aperture", "Soylent", "Oscorp", "Gringotts", "Wonka",
            "Monarch", "Pied Piper", "Dunder Mifflin", "Bluth", "Prestige", "Massive Dynamic", "Sirius", "Zorg");
    private static final List<String> TRADES = List.of("Legal", "Bank", "Health", "Logistics", "Insurance", "Realty",
            "Capital", "Energy", "Pharma", "Labs", "Notaries", "Mortgages", "HR Services", "Construction", "Education");
    private static final List<String> SUSPENSION_REASONS = List.of("Chargeback dispute under review",
            "Phishing reports from recipients", "Unusual envelope burst at night", "Payment overdue 45 days");

    private final TenantLifecycle lifecycle;
    private final DemoHistory history;
    private final TenantManifest manifest;
    private final Environment environment;

    DemoFleet(TenantLifecycle lifecycle, DemoHistory history, TenantManifest manifest, Environment environment) {
        this.lifecycle = lifecycle;
        this.history = history;
        this.manifest = manifest;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean embedded = "embedded".equals(environment.getProperty("iusign.runtime.mode"));
        if (!environment.getProperty("iusign.demo-data.enabled", Boolean.class, embedded) || lifecycle.countTenants() > 0) {
            return;
        }
        Instant now = Instant.now();
        long started = System.nanoTime();
        for (int i = 0; i < SIZE; i++) {
            // Each tenant draws from its own seed: with one stream for all, how many draws a tenant's history took (which
            // depends on the time of day) changed every later tenant's plan and fate, and at some hours no active starter
            // tenant was left near its monthly limit for "Approaching limits" to show.
            create(i, new Random(42L ^ (i * 0x9E3779B97F4A7C15L)), now);
        }
        // The creation dates were moved after the manifest wrote its rows: it reads them again once.
        manifest.rebuild();
        log.info("Demo fleet of {} tenants with two years of generated history created in {} s (iusign.demo-data.enabled=false turns"
                + " this off)", SIZE, (System.nanoTime() - started) / 1_000_000_000);
    }

    private void create(int index, Random random, Instant now) {
        String brand = BRANDS.get(index % BRANDS.size());
        String trade = TRADES.get((index / BRANDS.size() + index) % TRADES.size());
        String name = brand + " " + trade + (index >= BRANDS.size() * TRADES.size() ? " " + index : "");
        String slug = (brand + "-" + trade).toLowerCase().replaceAll("[^a-z0-9]+", "-") + "-" + index;
        String plan = pick(random, 50, 35) == 0 ? "starter" : pick(random, 50, 35) == 1 ? "business" : "enterprise";
        SubscriptionStatus subscription = SubscriptionStatus.values()[pick(random, 20, 65, 10)];
        String domain = random.nextInt(10) < 3 ? "sign." + slug + ".example.com" : null;
        Instant createdAt = DemoHistory.createdAt(index, random, now);
        Tenant tenant = lifecycle.provision(new ProvisionTenant(name, slug, plan, "owner@" + slug + ".example.com", domain,
                subscription), Change.of(DEMO, "Demo fleet (generated history: stands for a tenant created "
                + createdAt.atZone(ZoneOffset.UTC).toLocalDate() + ")"));
        int fate = random.nextInt(100);
        if (fate < 5) {
            lifecycle.update(tenant.id(), new UpdateTenant(name + " Group", null, null, null, null), Change.of(DEMO, "Merger completed"));
        }
        if (fate >= 80) {
            lifecycle.suspend(tenant.id(), Change.of(DEMO, SUSPENSION_REASONS.get(random.nextInt(SUSPENSION_REASONS.size()))), null);
        }
        if (fate >= 80 && fate < 86) {
            lifecycle.reactivate(tenant.id(), Change.of(DEMO, "Customer resolved the issue"), null);
        }
        if (fate >= 95) {
            lifecycle.deactivate(tenant.id(), Change.of(DEMO, "Contract ended"), null);
        }
        history.write(index, lifecycle.get(tenant.id()), createdAt, random, now);
    }

    /** Index of the bucket hit, with the given percentages and the rest for the last bucket. */
    private static int pick(Random random, int... percentages) {
        int roll = random.nextInt(100);
        int bound = 0;
        for (int i = 0; i < percentages.length; i++) {
            bound += percentages[i];
            if (roll < bound) {
                return i;
            }
        }
        return percentages.length;
    }
}
