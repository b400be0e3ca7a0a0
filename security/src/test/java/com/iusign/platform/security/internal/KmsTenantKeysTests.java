package com.iusign.platform.security.internal;

import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.security.KeyServiceUnavailable;
import com.iusign.platform.security.TenantKeyRing;
import com.iusign.platform.security.TenantKeyUnusable;
import com.iusign.platform.security.TenantKeys;
import com.iusign.platform.security.TenantMasterKey;
import com.iusign.testfixtures.TestTenants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code IUSIGN_KEYS_PROVIDER=aws-kms} end to end: the platform's configuration builds the SDK
 * client for the endpoint override and credentials, and the tenant key ring seals, rotates
 * (RotateKeyOnDemand + ReEncrypt) and shreds through it.
 */
@ApplicationModuleTest(extraIncludes = "lifecycle")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KmsTenantKeysTests {

    private static final LoopbackKms KMS = start();
    private static final Change CHANGE = Change.of(Actor.superAdmin("keys@iusign.test"), "Rotation after an incident");
    private static final byte[] CONTEXT = "document-7".getBytes(StandardCharsets.UTF_8);

    private final TenantKeys keys;
    private final TenantKeyRing ring;
    private final TenantLifecycle lifecycle;
    private final JdbcClient jdbc;

    KmsTenantKeysTests(TenantKeys keys, TenantKeyRing ring, TenantLifecycle lifecycle, JdbcClient jdbc) {
        this.keys = keys;
        this.ring = ring;
        this.lifecycle = lifecycle;
        this.jdbc = jdbc;
    }

    private static LoopbackKms start() {
        try {
            return new LoopbackKms();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void kms(DynamicPropertyRegistry properties) {
        properties.add("iusign.keys.provider", () -> "aws-kms");
        properties.add("iusign.keys.aws-kms.endpoint", () -> KMS.endpoint().toString());
        properties.add("iusign.keys.aws-kms.region", () -> LoopbackKms.REGION);
        properties.add("iusign.keys.aws-kms.access-key-id", () -> LoopbackKms.ACCESS_KEY);
        properties.add("iusign.keys.aws-kms.secret-access-key", () -> LoopbackKms.SECRET_KEY);
        properties.add("iusign.keys.aws-kms.deletion-window-days", () -> "7");
    }

    /**
     * The tests of a CI run share one database: this context's platform signing key and secrets,
     * wrapped under the loopback KMS, would unwrap nowhere else (every other context would then
     * ignore the newest signing key, and its older keys would retire under it).
     */
    @AfterAll
    void stop() {
        jdbc.sql("DELETE FROM platform_signing_key WHERE provider = 'aws-kms'").update();
        jdbc.sql("DELETE FROM platform_secret WHERE provider = 'aws-kms'").update();
        KMS.close();
    }

    @Test
    void documentsSealUnderTheTenantsKmsKeyAndKeepOpeningAcrossARotation() {
        UUID tenant = TestTenants.provision(lifecycle, "business", "kms").id().value();
        TenantKeyRing.Sealed before = ring.seal(tenant, "before".getBytes(StandardCharsets.UTF_8), CONTEXT);

        TenantMasterKey rotated = keys.rotate(new TenantId(tenant), CHANGE);
        ring.forget(tenant);

        assertThat(rotated.provider()).isEqualTo("aws-kms");
        assertThat(rotated.alias()).isEqualTo("alias/iusign/tenant/" + tenant);
        assertThat(rotated.materialVersions()).isEqualTo(2);
        assertThat(KMS.calls("RotateKeyOnDemand")).hasSize(1);
        assertThat(KMS.calls("ReEncrypt")).isNotEmpty();
        assertThat(ring.open(tenant, before, CONTEXT)).asString(StandardCharsets.UTF_8).isEqualTo("before");
        assertThat(keys.describe(new TenantId(tenant)).dataKeys()).containsExactly(Map.entry("aws-kms", 1));
    }

    @Test
    void anOutageDuringRotationChangesNothingAndDestructionShredsTheTenant() {
        UUID tenant = TestTenants.provision(lifecycle, "business", "kms").id().value();
        TenantKeyRing.Sealed document = ring.seal(tenant, "contract".getBytes(StandardCharsets.UTF_8), CONTEXT);
        KMS.throttleNext(100);
        assertThatThrownBy(() -> keys.rotate(new TenantId(tenant), CHANGE)).isInstanceOf(KeyServiceUnavailable.class);
        KMS.throttleNext(0);
        assertThat(keys.describe(new TenantId(tenant)).master().materialVersions()).isEqualTo(1);

        TenantMasterKey destroyed = keys.destroy(new TenantId(tenant), Change.of(Actor.system("purge"), "Retention ended"));

        assertThat(destroyed.state()).isEqualTo(TenantMasterKey.State.PENDING_DELETION);
        assertThatThrownBy(() -> ring.open(tenant, document, CONTEXT)).isInstanceOf(TenantKeyUnusable.class);
    }
}
