package com.iusign.platform.inventory;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

// Compliance (a direct dependency) sends its outreach notices through mail, which sends through security.
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = {"security", "mail"})
@Transactional
class TenantManifestTests {

    private final TenantManifest manifest;
    private final JdbcClient jdbc;

    TenantManifestTests(TenantManifest manifest, JdbcClient jdbc) {
        this.manifest = manifest;
        this.jdbc = jdbc;
    }

    @Test
    void manifestIsEmptyUntilATenantExists() {
        // Rolled back at the end: the shared database of a CI run keeps the other tests' tenants.
        jdbc.sql("DELETE FROM tenant_status_history").update();
        jdbc.sql("DELETE FROM tenant_name_history").update();
        jdbc.sql("DELETE FROM tenant").update();
        assertThat(manifest.isEmpty()).isTrue();

        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO tenant (id, name, slug, plan, subscription_status, status, owner_email)
                VALUES (:id, 'Acme Legal', 'acme-legal', 'business', 'ACTIVE', 'ACTIVE', 'owner@acme.test')""")
                .param("id", id).update();

        assertThat(manifest.isEmpty()).isFalse();
    }
}
