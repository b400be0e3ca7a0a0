package com.iusign.platform.security.internal;

import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.NotFound;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.security.KeyProvider;
import com.iusign.platform.security.TenantKeyDestroyed;
import com.iusign.platform.security.TenantKeyRing;
import com.iusign.platform.security.TenantKeyRotated;
import com.iusign.platform.security.TenantKeyUnusable;
import com.iusign.platform.security.TenantKeys;
import com.iusign.platform.security.TenantMasterKey;
import com.iusign.platform.security.TenantScope;
import com.iusign.testfixtures.TestTenants;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Master keys per tenant with the local provider: rotation without re-encryption, destruction, the legacy scheme's migration. */
@ApplicationModuleTest(extraIncludes = "lifecycle")
class TenantKeysTests {

    private static final Change ROTATE = Change.of(Actor.superAdmin("keys@iusign.test"), "Quarterly key rotation");
    private static final byte[] CONTEXT = "document-1".getBytes(StandardCharsets.UTF_8);

    private final TenantKeys keys;
    private final TenantKeyRing ring;
    private final TenantLifecycle lifecycle;
    private final KeyProvider provider;
    private final TenantScope scope;
    private final JdbcClient jdbc;

    TenantKeysTests(TenantKeys keys, TenantKeyRing ring, TenantLifecycle lifecycle, KeyProvider provider, TenantScope scope, JdbcClient jdbc) {
        this.keys = keys;
        this.ring = ring;
        this.lifecycle = lifecycle;
        this.provider = provider;
        this.scope = scope;
        this.jdbc = jdbc;
    }

    private UUID tenant() {
        return TestTenants.provision(lifecycle, "business", "keys").id().value();
    }

    @Test
    void aTenantHasNoMasterKeyUntilItsFirstDocumentAndThenOneOfItsOwn() {
        UUID tenant = tenant();
        assertThat(keys.describe(new TenantId(tenant)).master()).isNull();

        ring.seal(tenant, "contract".getBytes(StandardCharsets.UTF_8), CONTEXT);

        TenantKeys.KeyReport report = keys.describe(new TenantId(tenant));
        assertThat(report.provider()).isEqualTo("local");
        assertThat(report.master()).isNotNull();
        assertThat(report.master().keyId()).isEqualTo("local:" + tenant);
        assertThat(report.master().state()).isEqualTo(TenantMasterKey.State.ENABLED);
        assertThat(report.master().materialVersions()).isEqualTo(1);
        assertThat(report.dataKeys()).containsExactly(Map.entry("local-tenant", 1));
    }

    @Test
    void documentsSealedBeforeARotationOpenAfterItWithoutBeingReEncrypted(AssertablePublishedEvents events) {
        UUID tenant = tenant();
        TenantKeyRing.Sealed before = ring.seal(tenant, "before".getBytes(StandardCharsets.UTF_8), CONTEXT);
        byte[] wrappedBefore = wrappedDataKey(tenant);

        TenantMasterKey rotated = keys.rotate(new TenantId(tenant), ROTATE);

        assertThat(rotated.materialVersions()).isEqualTo(2);
        assertThat(rotated.lastRotatedAt()).isNotNull();
        assertThat(wrappedDataKey(tenant)).as("the data key is re-wrapped under the new material").isNotEqualTo(wrappedBefore);
        assertThat(ring.open(tenant, before, CONTEXT)).asString(StandardCharsets.UTF_8).isEqualTo("before");
        TenantKeyRing.Sealed after = ring.seal(tenant, "after".getBytes(StandardCharsets.UTF_8), CONTEXT);
        assertThat(after.keyVersion()).isEqualTo(before.keyVersion());
        assertThat(ring.open(tenant, after, CONTEXT)).asString(StandardCharsets.UTF_8).isEqualTo("after");
        assertThat(events).contains(TenantKeyRotated.class)
                .matching(event -> event.tenantId().equals(tenant) && event.dataKeysRewrapped() == 1
                        && event.change().reason().equals("Quarterly key rotation"));
    }

    @Test
    void aDestroyedKeyLeavesNothingOfTheTenantReadableAndCannotBeRotatedOrRevived(AssertablePublishedEvents events) {
        UUID tenant = tenant();
        TenantKeyRing.Sealed document = ring.seal(tenant, "secret".getBytes(StandardCharsets.UTF_8), CONTEXT);
        keys.rotate(new TenantId(tenant), ROTATE);

        TenantMasterKey destroyed = keys.destroy(new TenantId(tenant), Change.of(Actor.system("purge"), "Retention ended"));

        assertThat(destroyed.state()).isEqualTo(TenantMasterKey.State.DESTROYED);
        assertThat(destroyed.deletionDate()).isNotNull();
        assertThat(jdbc.sql("SELECT count(*) FROM tenant_master_key WHERE tenant_id = :tenant AND material_wrapped IS NOT NULL")
                .param("tenant", tenant).query(Integer.class).single()).isZero();
        assertThatThrownBy(() -> ring.open(tenant, document, CONTEXT)).isInstanceOf(TenantKeyUnusable.class)
                .hasMessageContaining("destroyed");
        assertThatThrownBy(() -> keys.rotate(new TenantId(tenant), ROTATE)).isInstanceOf(TenantKeyUnusable.class);
        assertThatThrownBy(() -> ring.seal(tenant, "new".getBytes(StandardCharsets.UTF_8), "document-2".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(TenantKeyUnusable.class);
        assertThat(keys.destroy(new TenantId(tenant), Change.of(Actor.system("purge"), "Purge resumed")).state())
                .isEqualTo(TenantMasterKey.State.DESTROYED);
        assertThat(events).contains(TenantKeyDestroyed.class).matching(event -> event.tenantId().equals(tenant));
    }

    @Test
    void aTenantWithoutKeyThatIsDestroyedCanNeverGetAFreshOne() {
        UUID tenant = tenant();

        keys.destroy(new TenantId(tenant), Change.of(Actor.system("purge"), "Retention ended"));

        assertThatThrownBy(() -> ring.seal(tenant, "late".getBytes(StandardCharsets.UTF_8), CONTEXT)).isInstanceOf(TenantKeyUnusable.class);
    }

    @Test
    void aDataKeyOfTheLegacySchemeOpensAndMovesUnderTheTenantsMasterKeyOnFirstUse() {
        UUID tenant = tenant();
        byte[] dataKey = new byte[32];
        new SecureRandom().nextBytes(dataKey);
        KeyProvider.WrappedKey legacy = ((LocalKeyProvider) provider).wrapLegacy(tenant, dataKey);
        scope.run(tenant, () -> jdbc.sql("INSERT INTO tenant_data_key (tenant_id, version, provider, wrapped_key) VALUES (:tenant, 1, 'local', :wrapped)")
                .param("tenant", tenant).param("wrapped", legacy.wrapped()).update());

        TenantKeyRing.Sealed sealed = ring.seal(tenant, "migrated".getBytes(StandardCharsets.UTF_8), CONTEXT);

        assertThat(keys.describe(new TenantId(tenant)).dataKeys()).containsExactly(Map.entry("local-tenant", 1));
        assertThat(provider.unwrap(tenant, "local-tenant", wrappedDataKey(tenant))).isEqualTo(dataKey);
        assertThat(ring.open(tenant, sealed, CONTEXT)).asString(StandardCharsets.UTF_8).isEqualTo("migrated");
    }

    @Test
    void aWrappedDataKeyDoesNotUnwrapForAnotherTenant() {
        UUID tenant = tenant();
        UUID other = tenant();
        ring.seal(tenant, "mine".getBytes(StandardCharsets.UTF_8), CONTEXT);
        ring.seal(other, "theirs".getBytes(StandardCharsets.UTF_8), CONTEXT);
        byte[] wrapped = wrappedDataKey(tenant);

        assertThatThrownBy(() -> provider.unwrap(other, "local-tenant", wrapped)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("another tenant");
    }

    @Test
    void keysOfATenantThatDoesNotExistAreNotFound() {
        assertThatThrownBy(() -> keys.describe(new TenantId(UUID.randomUUID()))).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> keys.rotate(new TenantId(UUID.randomUUID()), ROTATE)).isInstanceOf(NotFound.class);
    }

    private byte[] wrappedDataKey(UUID tenant) {
        return scope.call(tenant, () -> jdbc.sql("SELECT wrapped_key FROM tenant_data_key WHERE tenant_id = :tenant AND version = 1")
                .param("tenant", tenant).query(byte[].class).single());
    }
}
