package com.iusign.platform.security;

import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.TenantLifecycle;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The governance of a tenant's keys for the console and the admin API: what its master key is,
 * rotation on demand (audited), and destruction for the purge. Every call names a tenant that
 * exists ({@link com.iusign.platform.kernel.NotFound} otherwise).
 */
@Service
public class TenantKeys {

    private final KeyProvider provider;
    private final TenantKeyRing ring;
    private final TenantLifecycle lifecycle;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    TenantKeys(KeyProvider provider, TenantKeyRing ring, TenantLifecycle lifecycle, ApplicationEventPublisher events,
               TransactionTemplate transactions) {
        this.provider = provider;
        this.ring = ring;
        this.lifecycle = lifecycle;
        this.events = events;
        this.transactions = transactions;
    }

    /**
     * @param master    null until the tenant's first document created its master key
     * @param dataKeys  how its data keys are wrapped: scheme ({@code local-tenant}, {@code aws-kms}, legacy {@code local}) → count
     */
    public record KeyReport(UUID tenantId, String provider, @Nullable TenantMasterKey master, Map<String, Integer> dataKeys) {
    }

    public KeyReport describe(TenantId tenantId) {
        lifecycle.get(tenantId);
        return new KeyReport(tenantId.value(), provider.name(), provider.describe(tenantId.value()).orElse(null),
                ring.dataKeySchemes(tenantId.value()));
    }

    /**
     * New material for the tenant's master key (created first if the tenant had none), then every
     * data key re-wrapped under it, in one transaction with the audit entry: documents are not
     * re-encrypted and keep opening. A destroyed or pending-deletion key is refused ({@link TenantKeyUnusable}).
     */
    public TenantMasterKey rotate(TenantId tenantId, Change change) {
        lifecycle.get(tenantId);
        return transactions.execute(status -> {
            TenantMasterKey rotated = provider.rotate(tenantId.value());
            int rewrapped = ring.rewrapAll(tenantId.value());
            events.publishEvent(new TenantKeyRotated(UUID.randomUUID(), tenantId.value(), rotated, rewrapped, change, Instant.now()));
            return rotated;
        });
    }

    /**
     * Destroys the tenant's master key; from the return on none of its data can be decrypted on this
     * instance, and on the others once their unwrapped keys expire ({@link TenantKeyRing#UNWRAPPED_FOR}).
     * Repeating it is harmless.
     */
    public @Nullable TenantMasterKey destroy(TenantId tenantId, Change change) {
        lifecycle.get(tenantId);
        TenantMasterKey destroyed = transactions.execute(status -> {
            TenantMasterKey key = provider.destroy(tenantId.value()).orElse(null);
            events.publishEvent(new TenantKeyDestroyed(UUID.randomUUID(), tenantId.value(), key, change, Instant.now()));
            return key;
        });
        ring.forget(tenantId.value());
        return destroyed;
    }
}
