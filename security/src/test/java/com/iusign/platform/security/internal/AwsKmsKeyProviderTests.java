package com.iusign.platform.security.internal;

import com.iusign.platform.security.KeyProvider.DataKey;
import com.iusign.platform.security.KeyProvider.WrappedKey;
import com.iusign.platform.security.KeyServiceUnavailable;
import com.iusign.platform.security.TenantKeyUnusable;
import com.iusign.platform.security.TenantMasterKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The AWS KMS provider through the real SDK v2 client (SigV4 signing, JSON protocol, standard
 * retries, error mapping) against {@link LoopbackKms} on a loopback port.
 */
class AwsKmsKeyProviderTests {

    private LoopbackKms kms;
    private AwsKmsKeyProvider provider;

    @BeforeEach
    void start() throws IOException {
        kms = new LoopbackKms();
        provider = provider(kms.endpoint(), LoopbackKms.SECRET_KEY);
    }

    @AfterEach
    void stop() {
        provider.close();
        kms.close();
    }

    private static AwsKmsKeyProvider provider(URI endpoint, String secret) {
        KmsProperties properties = new KmsProperties(endpoint, LoopbackKms.REGION, LoopbackKms.ACCESS_KEY, secret,
                "alias/iusign/platform", 7, 4, Duration.ofSeconds(3), Duration.ofSeconds(15));
        return new AwsKmsKeyProvider(properties.client(), properties.platformKey(), properties.deletionWindowDays());
    }

    @Test
    void firstDataKeyCreatesOneTaggedKeyWithItsAliasAndYearlyRotationBoundToTheTenant() {
        UUID tenant = UUID.randomUUID();

        DataKey first = provider.generateDataKey(tenant);
        DataKey second = provider.generateDataKey(tenant);

        assertThat(first.plaintext()).hasSize(32);
        assertThat(first.wrapped().scheme()).isEqualTo("aws-kms");
        assertThat(provider.unwrap(tenant, "aws-kms", first.wrapped().wrapped())).isEqualTo(first.plaintext());
        assertThat(provider.unwrap(tenant, "aws-kms", second.wrapped().wrapped())).isEqualTo(second.plaintext());
        assertThat(kms.calls("CreateKey")).hasSize(1);
        String keyId = kms.keyIdOfAlias("alias/iusign/tenant/" + tenant);
        assertThat(keyId).isNotNull();
        assertThat(kms.tagsOf(keyId)).containsEntry("iusign:tenant-id", tenant.toString()).containsEntry("iusign:managed-by", "iusign");
        assertThat(kms.rotationEnabled(keyId)).isTrue();
        assertThat(kms.calls("GenerateDataKey")).allSatisfy(call -> {
            assertThat(call.body().path("EncryptionContext").path("iusign:tenant-id").asString()).isEqualTo(tenant.toString());
            assertThat(call.body().path("KeyId").asString()).isEqualTo("alias/iusign/tenant/" + tenant);
        });
        assertThat(kms.calls("Decrypt")).allSatisfy(call ->
                assertThat(call.body().path("EncryptionContext").path("iusign:tenant-id").asString()).isEqualTo(tenant.toString()));

        TenantMasterKey described = provider.describe(tenant).orElseThrow();
        assertThat(described.alias()).isEqualTo("alias/iusign/tenant/" + tenant);
        assertThat(described.keyId()).endsWith("key/" + keyId).startsWith("arn:aws:kms:" + LoopbackKms.REGION);
        assertThat(described.state()).isEqualTo(TenantMasterKey.State.ENABLED);
        assertThat(described.createdAt()).isCloseTo(Instant.now(), within(Duration.ofMinutes(1)));
        assertThat(described.lastRotatedAt()).isNull();
        assertThat(described.materialVersions()).isEqualTo(1);
    }

    @Test
    void twoInstancesCreatingATenantsKeyAtOnceConvergeOnTheAliasAndTheLosersKeyIsScheduledForDeletion() {
        UUID tenant = UUID.randomUUID();
        kms.raceNextAlias();

        DataKey key = provider.generateDataKey(tenant);

        String winner = kms.keyIdOfAlias("alias/iusign/tenant/" + tenant);
        assertThat(kms.calls("GenerateDataKey")).singleElement().satisfies(call ->
                assertThat(call.body().path("KeyId").asString()).isEqualTo("alias/iusign/tenant/" + tenant));
        assertThat(provider.describe(tenant).orElseThrow().keyId()).endsWith("key/" + winner);
        assertThat(kms.calls("ScheduleKeyDeletion")).singleElement().satisfies(call -> {
            assertThat(call.body().path("KeyId").asString()).isNotEqualTo(winner);
            assertThat(call.body().path("PendingWindowInDays").asInt()).isEqualTo(7);
        });
        assertThat(provider.unwrap(tenant, "aws-kms", key.wrapped().wrapped())).isEqualTo(key.plaintext());
    }

    @Test
    void aTenantWithoutKeyIsDescribedAsNone() {
        assertThat(provider.describe(UUID.randomUUID())).isEmpty();
    }

    @Test
    void aDataKeyDoesNotUnwrapForAnotherTenantNorWhenAltered() {
        UUID tenant = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        DataKey key = provider.generateDataKey(tenant);
        provider.generateDataKey(other);

        assertThatIllegalStateException().isThrownBy(() -> provider.unwrap(other, "aws-kms", key.wrapped().wrapped()))
                .withMessageContaining("belongs to another tenant");
        byte[] altered = key.wrapped().wrapped().clone();
        altered[altered.length - 1] ^= 1;
        assertThatIllegalStateException().isThrownBy(() -> provider.unwrap(tenant, "aws-kms", altered))
                .withMessageContaining("altered");
        assertThatIllegalStateException().isThrownBy(() -> provider.unwrap(tenant, "local-tenant", key.wrapped().wrapped()))
                .withMessageContaining("'local-tenant' key provider");
    }

    @Test
    void rotationKeepsEarlierDataKeysReadableAndRewrapMovesThemToTheNewMaterial() {
        UUID tenant = UUID.randomUUID();
        DataKey before = provider.generateDataKey(tenant);

        TenantMasterKey rotated = provider.rotate(tenant);
        WrappedKey rewrapped = provider.rewrap(tenant, "aws-kms", before.wrapped().wrapped());

        assertThat(rotated.materialVersions()).isEqualTo(2);
        assertThat(rotated.lastRotatedAt()).isCloseTo(Instant.now(), within(Duration.ofMinutes(1)));
        assertThat(provider.unwrap(tenant, "aws-kms", before.wrapped().wrapped())).isEqualTo(before.plaintext());
        assertThat(provider.unwrap(tenant, "aws-kms", rewrapped.wrapped())).isEqualTo(before.plaintext());
        assertThat(Arrays.equals(rewrapped.wrapped(), before.wrapped().wrapped())).isFalse();
        assertThat(kms.calls("ReEncrypt")).singleElement().satisfies(call -> {
            assertThat(call.body().path("SourceEncryptionContext").path("iusign:tenant-id").asString()).isEqualTo(tenant.toString());
            assertThat(call.body().path("DestinationEncryptionContext").path("iusign:tenant-id").asString()).isEqualTo(tenant.toString());
        });
    }

    @Test
    void destructionSchedulesTheDeletionOnceAndNothingOfTheTenantUnwrapsOrRotatesAfterIt() {
        UUID tenant = UUID.randomUUID();
        DataKey key = provider.generateDataKey(tenant);

        TenantMasterKey destroyed = provider.destroy(tenant).orElseThrow();
        TenantMasterKey again = provider.destroy(tenant).orElseThrow();

        assertThat(destroyed.state()).isEqualTo(TenantMasterKey.State.PENDING_DELETION);
        assertThat(destroyed.deletionDate()).isCloseTo(Instant.now().plus(Duration.ofDays(7)), within(Duration.ofMinutes(1)));
        assertThat(again.state()).isEqualTo(TenantMasterKey.State.PENDING_DELETION);
        assertThat(kms.calls("ScheduleKeyDeletion")).singleElement()
                .satisfies(call -> assertThat(call.body().path("PendingWindowInDays").asInt()).isEqualTo(7));
        assertThatThrownBy(() -> provider.unwrap(tenant, "aws-kms", key.wrapped().wrapped()))
                .isInstanceOf(TenantKeyUnusable.class).hasMessageContaining("pending deletion");
        assertThatThrownBy(() -> provider.rotate(tenant))
                .isInstanceOf(TenantKeyUnusable.class).hasMessageContaining("KMS refused to rotate");
        assertThat(provider.destroy(UUID.randomUUID())).isEmpty();
    }

    @Test
    void aKeyDisabledInKmsIsRefusedAsUnusableNotAsAnOutage() {
        UUID tenant = UUID.randomUUID();
        DataKey key = provider.generateDataKey(tenant);
        kms.setState("alias/iusign/tenant/" + tenant, "Disabled");

        assertThatThrownBy(() -> provider.unwrap(tenant, "aws-kms", key.wrapped().wrapped()))
                .isInstanceOf(TenantKeyUnusable.class)
                .satisfies(refusal -> assertThat(((TenantKeyUnusable) refusal).state()).isEqualTo("KMS:DisabledException"));
        assertThat(provider.describe(tenant).orElseThrow().state()).as("shown as disabled, not as enabled")
                .isEqualTo(TenantMasterKey.State.DISABLED);

        TenantMasterKey destroyed = provider.destroy(tenant).orElseThrow();

        assertThat(destroyed.state()).as("a disabled key can be enabled again: the purge must still schedule its deletion")
                .isEqualTo(TenantMasterKey.State.PENDING_DELETION);
        assertThat(kms.calls("ScheduleKeyDeletion")).hasSize(1);
    }

    @Test
    void throttlingAndServerErrorsAreRetriedByTheSdkWithBackOff() {
        UUID tenant = UUID.randomUUID();
        DataKey key = provider.generateDataKey(tenant);
        kms.throttleNext(2);

        assertThat(provider.unwrap(tenant, "aws-kms", key.wrapped().wrapped())).isEqualTo(key.plaintext());
        kms.failNext(1);
        assertThat(provider.unwrap(tenant, "aws-kms", key.wrapped().wrapped())).isEqualTo(key.plaintext());

        assertThat(kms.calls("Decrypt")).extracting(LoopbackKms.Call::error)
                .containsExactly("ThrottlingException", "ThrottlingException", null, "KMSInternalException", null);
    }

    @Test
    void throttlingThatOutlastsTheRetriesFailsCleanlyAsUnavailableAfterFourAttempts() {
        UUID tenant = UUID.randomUUID();
        kms.throttleNext(100);

        assertThatThrownBy(() -> provider.generateDataKey(tenant))
                .isInstanceOf(KeyServiceUnavailable.class)
                .hasMessageContaining("ThrottlingException").hasMessageContaining("after 4 attempts");
        assertThat(kms.calls()).hasSize(4);
        kms.throttleNext(0);
        assertThat(provider.describe(tenant)).isEmpty();
    }

    @Test
    void anUnreachableKmsIsReportedAsUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (AwsKmsKeyProvider unreachable = provider(URI.create("http://127.0.0.1:" + closedPort), LoopbackKms.SECRET_KEY)) {
            assertThatThrownBy(() -> unreachable.generateDataKey(UUID.randomUUID()))
                    .isInstanceOf(KeyServiceUnavailable.class).hasMessageContaining("could not be reached");
        }
    }

    @Test
    void requestsAreSignedAndAWrongSecretIsRefusedByTheSignatureCheck() {
        try (AwsKmsKeyProvider forged = provider(kms.endpoint(), LoopbackKms.SECRET_KEY + "x")) {
            assertThatThrownBy(() -> forged.generateDataKey(UUID.randomUUID()))
                    .isInstanceOf(KeyServiceUnavailable.class).hasMessageContaining("InvalidSignatureException");
        }
        assertThat(kms.calls()).extracting(LoopbackKms.Call::error).containsOnly("InvalidSignatureException");
    }

    @Test
    void platformSecretsAreWrappedUnderThePlatformKeyAndBoundToTheirPurpose() {
        byte[] secret = "audit-chain-key-material-32bytes".getBytes();

        byte[] wrapped = provider.wrapPlatformSecret("audit-chain-hmac", secret);

        assertThat(provider.unwrapPlatformSecret("audit-chain-hmac", wrapped)).isEqualTo(secret);
        assertThatIllegalStateException().isThrownBy(() -> provider.unwrapPlatformSecret("mail-outbox-aes", wrapped));
        assertThat(kms.keyIdOfAlias("alias/iusign/platform")).isNotNull();
    }
}
