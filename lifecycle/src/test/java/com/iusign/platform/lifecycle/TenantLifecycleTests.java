package com.iusign.platform.lifecycle;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@ApplicationModuleTest
@Transactional
class TenantLifecycleTests {

    private final TenantLifecycle lifecycle;
    private final JdbcClient jdbc;

    TenantLifecycleTests(TenantLifecycle lifecycle, JdbcClient jdbc) {
        this.lifecycle = lifecycle;
        this.jdbc = jdbc;
    }

    @Test
    void countsAndListsProvisionedTenantsByName() {
        long before = lifecycle.countTenants();
        UUID zulu = insertTenant("Zulu Legal", "zulu-legal-" + suffix());
        UUID alpha = insertTenant("Aaaa Alpha Bank", "alpha-bank-" + suffix());

        assertThat(lifecycle.countTenants()).isEqualTo(before + 2);
        assertThat(lifecycle.listTenants(1000))
                .extracting(summary -> summary.id().value())
                .containsSubsequence(alpha, zulu);
    }

    @Test
    void refusesAListLimitOutsideItsRange() {
        assertThatIllegalArgumentException().isThrownBy(() -> lifecycle.listTenants(0))
                .withMessageContaining("between 1 and 1000");
        assertThatIllegalArgumentException().isThrownBy(() -> lifecycle.listTenants(1001));
    }

    private UUID insertTenant(String name, String slug) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO tenant (id, name, slug, plan, subscription_status, status, owner_email)
                VALUES (:id, :name, :slug, 'starter', 'TRIALING', 'ACTIVE', 'owner@example.com')""")
                .param("id", id).param("name", name + " " + slug).param("slug", slug)
                .update();
        return id;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
