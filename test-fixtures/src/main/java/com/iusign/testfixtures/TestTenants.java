package com.iusign.testfixtures;

import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.lifecycle.ProvisionTenant;
import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.lifecycle.TenantLifecycle;

import java.util.UUID;

/**
 * Tenants for tests. The tests of a CI run share one database, so every tenant gets a slug of its
 * own ({@code <prefix>-<8 hex digits>}), and its name and owner e-mail follow from the slug.
 */
public final class TestTenants {

    private static final Change PROVISIONED = Change.of(Actor.system("test"), "Provisioned by a test");

    private TestTenants() {
    }

    /** A slug no other test uses: {@code prefix} (a few lowercase letters) and 8 random hex digits. */
    public static String slug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** What to provision for a new tenant on {@code plan}: name {@code "Test <slug>"}, owner {@code owner@<slug>.test}. */
    public static ProvisionTenant on(String plan, String prefix) {
        String slug = slug(prefix);
        return new ProvisionTenant("Test " + slug, slug, plan, "owner@" + slug + ".test", null);
    }

    /** A new ACTIVE tenant on {@code plan}, provisioned by the system actor "test". */
    public static Tenant provision(TenantLifecycle lifecycle, String plan, String prefix) {
        return lifecycle.provision(on(plan, prefix), PROVISIONED);
    }
}
