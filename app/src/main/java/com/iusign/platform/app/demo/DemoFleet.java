package com.iusign.platform.app.demo;

import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.lifecycle.ProvisionTenant;
import com.iusign.platform.lifecycle.SubscriptionStatus;
import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.signing.Envelope;
import com.iusign.platform.signing.Envelopes;
import com.iusign.platform.signing.NewEnvelope;
import com.iusign.platform.signing.SamplePdf;
import com.iusign.platform.signing.SigningLinks;
import com.iusign.platform.lifecycle.UpdateTenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Fills an empty database with a realistic demo fleet (200 tenants across plans, subscription
 * and operational statuses, with renames and suspensions in their history), so that the
 * one-command run shows a living platform. On by default only with the embedded servers;
 * {@code iusign.demo-data.enabled} decides explicitly. Everything goes through the lifecycle
 * façade, so the demo tenants have the same history and audit trail as real ones, by the actor
 * {@code system:demo-data}. Deterministic: the same fleet every time.
 */
@Component
@Order(10)
class DemoFleet implements ApplicationRunner {

    static final int SIZE = 200;
    private static final Logger log = LoggerFactory.getLogger(DemoFleet.class);
    private static final Actor DEMO = Actor.system("demo-data");
    private static final List<String> BRANDS = List.of("Acme", "Northwind", "Contoso", "Globex", "Initech", "Umbrella", "Stark",
            "Wayne", "Hooli", "Vandelay", "Tyrell", "Cyberdyne", "Aperture", "Soylent", "Oscorp", "Gringotts", "Wonka",
            "Monarch", "Pied Piper", "Dunder Mifflin", "Bluth", "Prestige", "Massive Dynamic", "Sirius", "Zorg");
    private static final List<String> TRADES = List.of("Legal", "Bank", "Health", "Logistics", "Insurance", "Realty",
            "Capital", "Energy", "Pharma", "Labs", "Notaries", "Mortgages", "HR Services", "Construction", "Education");
    private static final List<String> SUSPENSION_REASONS = List.of("Chargeback dispute under review",
            "Phishing reports from recipients", "Unusual envelope burst at night", "Payment overdue 45 days");

    private final TenantLifecycle lifecycle;
    private final Envelopes envelopes;
    private final SigningLinks links;
    private final Environment environment;

    DemoFleet(TenantLifecycle lifecycle, Envelopes envelopes, SigningLinks links, Environment environment) {
        this.lifecycle = lifecycle;
        this.envelopes = envelopes;
        this.links = links;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean embedded = "embedded".equals(environment.getProperty("iusign.runtime.mode"));
        if (!environment.getProperty("iusign.demo-data.enabled", Boolean.class, embedded) || lifecycle.countTenants() > 0) {
            return;
        }
        Random random = new Random(42);
        for (int i = 0; i < SIZE; i++) {
            create(i, random);
        }
        log.info("Demo fleet of {} tenants created (iusign.demo-data.enabled=false turns this off)", SIZE);
    }

    private void create(int index, Random random) {
        String brand = BRANDS.get(index % BRANDS.size());
        String trade = TRADES.get((index / BRANDS.size() + index) % TRADES.size());
        String name = brand + " " + trade + (index >= BRANDS.size() * TRADES.size() ? " " + index : "");
        String slug = (brand + "-" + trade).toLowerCase().replaceAll("[^a-z0-9]+", "-") + "-" + index;
        String plan = pick(random, 50, 35) == 0 ? "starter" : pick(random, 50, 35) == 1 ? "business" : "enterprise";
        SubscriptionStatus subscription = SubscriptionStatus.values()[pick(random, 20, 65, 10)];
        String domain = random.nextInt(10) < 3 ? "sign." + slug + ".example.com" : null;
        Tenant tenant = lifecycle.provision(new ProvisionTenant(name, slug, plan, "owner@" + slug + ".example.com", domain,
                subscription), Change.of(DEMO, "Demo fleet"));
        if (index % 5 == 0) {
            workspace(tenant, random);
        }
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
    }

    /** A few envelopes sent (some signed) so the tenant's usage, chart and the manifest's usage columns have numbers. */
    private void workspace(Tenant tenant, Random random) {
        UUID owner = UUID.randomUUID();
        byte[] pdf = SamplePdf.withText("Demo agreement of " + tenant.name());
        for (int i = 0, count = 1 + random.nextInt(8); i < count; i++) {
            Envelope draft = envelopes.create(tenant.id(), owner, new NewEnvelope("Agreement " + (i + 1), "agreement.pdf", pdf,
                    List.of(new NewEnvelope.NewRecipient("Demo Signer", "signer@" + tenant.slug() + ".example.com"))));
            String token = envelopes.send(tenant.id(), owner, draft.id()).getFirst().token();
            if (random.nextBoolean()) {
                links.sign(token, "Demo Signer");
            }
        }
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
