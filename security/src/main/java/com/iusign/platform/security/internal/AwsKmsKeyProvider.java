package com.iusign.platform.security.internal;

import com.iusign.platform.security.KeyProvider;
import com.iusign.platform.security.KeyServiceUnavailable;
import com.iusign.platform.security.TenantKeyUnusable;
import com.iusign.platform.security.TenantMasterKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AlreadyExistsException;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.IncorrectKeyException;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.RotationsListEntry;
import software.amazon.awssdk.services.kms.model.Tag;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Tenant master keys in AWS KMS (SDK v2): one customer-managed symmetric key per tenant, tagged with
 * the tenant id and reachable as {@code alias/iusign/tenant/<id>}, with yearly automatic rotation.
 * Data keys come from {@code GenerateDataKey} and open with {@code Decrypt}, both with the tenant id
 * as {@code EncryptionContext} (KMS refuses a ciphertext presented with another tenant's context)
 * and the tenant's alias as {@code KeyId} (a ciphertext of another key is refused too). Rotation is
 * {@code RotateKeyOnDemand}; the caller then re-wraps with {@code ReEncrypt}. Destruction is
 * {@code ScheduleKeyDeletion}: KMS disables the key at once and deletes it after the pending window.
 * The platform's own secrets are wrapped under one platform key ({@code iusign.keys.aws-kms.platform-key}).
 *
 * <p>The SDK signs every request (SigV4) and retries throttling and 5xx answers with back-off;
 * what is still failing after that becomes {@link KeyServiceUnavailable}, a state KMS refuses
 * becomes {@link TenantKeyUnusable}.
 */
final class AwsKmsKeyProvider implements KeyProvider, AutoCloseable {

    static final String SCHEME = "aws-kms";
    static final String TENANT_CONTEXT = "iusign:tenant-id";
    static final String PURPOSE_CONTEXT = "iusign:purpose";
    private static final Logger log = LoggerFactory.getLogger(AwsKmsKeyProvider.class);

    private final KmsClient kms;
    private final String platformKey;
    private final int deletionWindowDays;

    AwsKmsKeyProvider(KmsClient kms, String platformKey, int deletionWindowDays) {
        if (deletionWindowDays < 7 || deletionWindowDays > 30) {
            throw new IllegalArgumentException("iusign.keys.aws-kms.deletion-window-days must be 7 to 30 (KMS's pending window), not "
                    + deletionWindowDays);
        }
        this.kms = kms;
        this.platformKey = platformKey;
        this.deletionWindowDays = deletionWindowDays;
    }

    @Override
    public void close() {
        kms.close();
    }

    static String alias(UUID tenantId) {
        return "alias/iusign/tenant/" + tenantId;
    }

    @Override
    public String name() {
        return SCHEME;
    }

    @Override
    public DataKey generateDataKey(UUID tenantId) {
        return call("generate a data key for tenant " + tenantId, () -> {
            ensureTenantKey(tenantId);
            var generated = kms.generateDataKey(request -> request.keyId(alias(tenantId)).keySpec(DataKeySpec.AES_256)
                    .encryptionContext(tenantContext(tenantId)));
            return new DataKey(generated.plaintext().asByteArray(), new WrappedKey(SCHEME, generated.ciphertextBlob().asByteArray()));
        });
    }

    @Override
    public byte[] unwrap(UUID tenantId, String scheme, byte[] wrapped) {
        requireScheme(tenantId, scheme);
        return call("unwrap a data key of tenant " + tenantId, () -> kms.decrypt(request -> request.keyId(alias(tenantId))
                .ciphertextBlob(SdkBytes.fromByteArray(wrapped)).encryptionContext(tenantContext(tenantId))).plaintext().asByteArray());
    }

    @Override
    public WrappedKey rewrap(UUID tenantId, String scheme, byte[] wrapped) {
        requireScheme(tenantId, scheme);
        return call("re-wrap a data key of tenant " + tenantId, () -> new WrappedKey(SCHEME, kms.reEncrypt(request -> request
                .ciphertextBlob(SdkBytes.fromByteArray(wrapped))
                .sourceKeyId(alias(tenantId)).sourceEncryptionContext(tenantContext(tenantId))
                .destinationKeyId(alias(tenantId)).destinationEncryptionContext(tenantContext(tenantId)))
                .ciphertextBlob().asByteArray()));
    }

    @Override
    public TenantMasterKey rotate(UUID tenantId) {
        return call("rotate the master key of tenant " + tenantId, () -> {
            Optional<TenantMasterKey> current = describeKey(tenantId);
            if (current.isPresent()) {
                kms.rotateKeyOnDemand(request -> request.keyId(current.get().keyId()));
            } else {
                ensureTenantKey(tenantId);
            }
            return describeKey(tenantId).orElseThrow();
        });
    }

    @Override
    public Optional<TenantMasterKey> describe(UUID tenantId) {
        return call("describe the master key of tenant " + tenantId, () -> describeKey(tenantId));
    }

    @Override
    public Optional<TenantMasterKey> destroy(UUID tenantId) {
        return call("schedule the deletion of tenant " + tenantId + "'s master key", () -> {
            Optional<TenantMasterKey> current = describeKey(tenantId);
            // A key disabled outside the platform could be enabled again: only a scheduled deletion shreds.
            if (current.isEmpty() || current.get().state() == TenantMasterKey.State.PENDING_DELETION) {
                return current;
            }
            kms.scheduleKeyDeletion(request -> request.keyId(current.get().keyId()).pendingWindowInDays(deletionWindowDays));
            return describeKey(tenantId);
        });
    }

    @Override
    public byte[] wrapPlatformSecret(String purpose, byte[] secret) {
        return call("wrap the platform secret '" + purpose + "'", () -> {
            ensurePlatformKey();
            return kms.encrypt(request -> request.keyId(platformKey).plaintext(SdkBytes.fromByteArray(secret))
                    .encryptionContext(Map.of(PURPOSE_CONTEXT, purpose))).ciphertextBlob().asByteArray();
        });
    }

    @Override
    public byte[] unwrapPlatformSecret(String purpose, byte[] wrapped) {
        return call("unwrap the platform secret '" + purpose + "'", () -> kms.decrypt(request -> request.keyId(platformKey)
                .ciphertextBlob(SdkBytes.fromByteArray(wrapped)).encryptionContext(Map.of(PURPOSE_CONTEXT, purpose)))
                .plaintext().asByteArray());
    }

    private Optional<TenantMasterKey> describeKey(UUID tenantId) {
        KeyMetadata metadata;
        try {
            metadata = kms.describeKey(request -> request.keyId(alias(tenantId))).keyMetadata();
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        List<Instant> rotations = kms.listKeyRotations(request -> request.keyId(metadata.keyId())).rotations().stream()
                .map(RotationsListEntry::rotationDate).sorted(Comparator.reverseOrder()).toList();
        TenantMasterKey.State state = switch (metadata.keyState()) {
            case PENDING_DELETION -> TenantMasterKey.State.PENDING_DELETION;
            case DISABLED -> metadata.deletionDate() != null ? TenantMasterKey.State.PENDING_DELETION : TenantMasterKey.State.DISABLED;
            default -> TenantMasterKey.State.ENABLED;
        };
        return Optional.of(new TenantMasterKey(SCHEME, metadata.arn(), alias(tenantId), state, metadata.creationDate(),
                rotations.isEmpty() ? null : rotations.getFirst(), metadata.deletionDate(), 1 + rotations.size()));
    }

    /** The tenant's key id, creating key and alias on first use; two instances creating at once converge on the alias's key. */
    private String ensureTenantKey(UUID tenantId) {
        try {
            return kms.describeKey(request -> request.keyId(alias(tenantId))).keyMetadata().keyId();
        } catch (NotFoundException e) {
            return createKey(alias(tenantId), "IUSign tenant " + tenantId + " master key",
                    List.of(Tag.builder().tagKey(TENANT_CONTEXT).tagValue(tenantId.toString()).build()));
        }
    }

    private void ensurePlatformKey() {
        try {
            kms.describeKey(request -> request.keyId(platformKey));
        } catch (NotFoundException e) {
            if (!platformKey.startsWith("alias/")) {
                throw new IllegalStateException("The platform KMS key " + platformKey + " does not exist");
            }
            createKey(platformKey, "IUSign platform secrets", List.of());
        }
    }

    private String createKey(String alias, String description, List<Tag> tags) {
        String keyId = kms.createKey(request -> request.description(description).keyUsage(KeyUsageType.ENCRYPT_DECRYPT)
                .keySpec(KeySpec.SYMMETRIC_DEFAULT)
                .tags(java.util.stream.Stream.concat(tags.stream(),
                        java.util.stream.Stream.of(Tag.builder().tagKey("iusign:managed-by").tagValue("iusign").build())).toList()))
                .keyMetadata().keyId();
        try {
            kms.createAlias(request -> request.aliasName(alias).targetKeyId(keyId));
        } catch (AlreadyExistsException raced) {
            kms.scheduleKeyDeletion(request -> request.keyId(keyId).pendingWindowInDays(7));
            return kms.describeKey(request -> request.keyId(alias)).keyMetadata().keyId();
        }
        kms.enableKeyRotation(request -> request.keyId(keyId).rotationPeriodInDays(365));
        log.info("Created KMS key {} as {}", keyId, alias);
        return keyId;
    }

    private static void requireScheme(UUID tenantId, String scheme) {
        if (!SCHEME.equals(scheme)) {
            throw new IllegalStateException("A data key of tenant " + tenantId + " was wrapped by the '" + scheme
                    + "' key provider; this platform runs AWS KMS (switching providers needs the keys re-wrapped)");
        }
    }

    private static Map<String, String> tenantContext(UUID tenantId) {
        return Map.of(TENANT_CONTEXT, tenantId.toString());
    }

    /** One translation of KMS's answers into the platform's: state refusals, unreadable ciphertexts, an unreachable service. */
    private static <T> T call(String what, Supplier<T> work) {
        try {
            return work.get();
        } catch (KmsInvalidStateException | DisabledException e) {
            throw new TenantKeyUnusable("KMS:" + e.awsErrorDetails().errorCode(), "KMS refused to " + what + ": "
                    + e.awsErrorDetails().errorMessage());
        } catch (InvalidCiphertextException | IncorrectKeyException e) {
            throw new IllegalStateException("KMS could not " + what + ": the ciphertext was altered or belongs to another tenant", e);
        } catch (NotFoundException e) {
            throw new TenantKeyUnusable("KMS:NotFound", "KMS could not " + what + ": " + e.awsErrorDetails().errorMessage());
        } catch (KmsException e) {
            throw new KeyServiceUnavailable("KMS could not " + what + " (" + e.awsErrorDetails().errorCode() + ", HTTP "
                    + e.statusCode() + ", after " + (e.numAttempts() == null ? "?" : e.numAttempts()) + " attempts); retry shortly", e);
        } catch (SdkClientException e) {
            throw new KeyServiceUnavailable("KMS could not be reached to " + what + ": " + e.getMessage() + "; retry shortly", e);
        } catch (SdkException e) {
            throw new KeyServiceUnavailable("KMS could not " + what + ": " + e.getMessage(), e);
        }
    }
}
