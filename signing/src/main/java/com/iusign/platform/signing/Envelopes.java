package com.iusign.platform.signing;

import com.iusign.platform.lifecycle.Plan;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.security.OpaqueTokens;
import com.iusign.platform.security.TenantKeyRing;
import com.iusign.platform.security.TenantScope;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A tenant user's envelopes: create (document encrypted with the tenant's data key), list, read,
 * send (one link per recipient, within the plan's monthly quota) and void. Every method runs in
 * the tenant's {@link TenantScope}; an id of another tenant is simply not found.
 */
@Service
@EnableConfigurationProperties(SigningProperties.class)
public class Envelopes {

    private final SigningStore store;
    private final TenantScope scope;
    private final TenantKeyRing keys;
    private final TenantLifecycle lifecycle;
    private final ApplicationEventPublisher events;
    private final SigningProperties properties;

    Envelopes(SigningStore store, TenantScope scope, TenantKeyRing keys, TenantLifecycle lifecycle, ApplicationEventPublisher events,
              SigningProperties properties) {
        this.store = store;
        this.scope = scope;
        this.keys = keys;
        this.lifecycle = lifecycle;
        this.events = events;
        this.properties = properties;
    }

    public Envelope create(TenantId tenant, UUID userId, NewEnvelope request) {
        EnvelopeRules.check(request, properties.maxDocumentBytes());
        UUID tenantId = tenant.value();
        UUID id = UUID.randomUUID();
        return scope.call(tenantId, () -> {
            store.insertEnvelope(id, tenantId, request.title().strip(), userId);
            TenantKeyRing.Sealed sealed = keys.seal(tenantId, request.document(), associatedData(id));
            store.insertDocument(id, tenantId, EnvelopeRules.fileName(request.fileName()), request.document().length,
                    sha256(request.document()), sealed);
            List<NewEnvelope.NewRecipient> recipients = request.recipients();
            for (int i = 0; i < recipients.size(); i++) {
                store.insertRecipient(UUID.randomUUID(), tenantId, id, i + 1, recipients.get(i).name().strip(),
                        recipients.get(i).email().strip().toLowerCase(java.util.Locale.ROOT));
            }
            return store.envelope(id, false).orElseThrow();
        });
    }

    public Envelope get(TenantId tenant, UUID envelopeId) {
        return scope.call(tenant.value(), () -> store.envelope(envelopeId, false).orElseThrow(() -> notFound(envelopeId)));
    }

    public EnvelopePage list(TenantId tenant, int size, @Nullable String cursor) {
        if (size < 1 || size > 100) {
            throw SigningException.validation(Map.of("size", "size must be from 1 to 100"));
        }
        Instant beforeTime = null;
        UUID beforeId = null;
        if (cursor != null) {
            try {
                ByteBuffer decoded = ByteBuffer.wrap(Base64.getUrlDecoder().decode(cursor));
                beforeTime = Instant.ofEpochSecond(decoded.getLong(), decoded.getInt());
                beforeId = new UUID(decoded.getLong(), decoded.getLong());
            } catch (RuntimeException e) {
                throw SigningException.validation(Map.of("cursor", "cursor is not one this API issued"));
            }
        }
        Instant time = beforeTime;
        UUID id = beforeId;
        return scope.call(tenant.value(), () -> {
            List<Envelope> rows = store.page(time, id, size);
            if (rows.size() <= size) {
                return new EnvelopePage(rows, null);
            }
            Envelope last = rows.get(size - 1);
            ByteBuffer next = ByteBuffer.allocate(28).putLong(last.createdAt().getEpochSecond()).putInt(last.createdAt().getNano())
                    .putLong(last.id().getMostSignificantBits()).putLong(last.id().getLeastSignificantBits());
            return new EnvelopePage(rows.subList(0, size), Base64.getUrlEncoder().withoutPadding().encodeToString(next.array()));
        });
    }

    /** Issues one link per recipient; the tokens are returned once and stored only as hashes. */
    public List<IssuedLink> send(TenantId tenant, UUID userId, UUID envelopeId) {
        UUID tenantId = tenant.value();
        return scope.call(tenantId, () -> {
            Envelope envelope = store.envelope(envelopeId, true).orElseThrow(() -> notFound(envelopeId));
            if (envelope.status() != EnvelopeStatus.DRAFT) {
                throw new SigningException(SigningException.Kind.CONFLICT, "The envelope is " + envelope.status().name().toLowerCase()
                        + "; only a draft can be sent");
            }
            store.lockTenantQuota(tenantId, "envelopes");
            int limit = plan(tenant).monthlyEnvelopeLimit();
            int used = store.sentThisMonth();
            if (used >= limit) {
                throw new SigningException(SigningException.Kind.QUOTA_EXCEEDED, "The plan allows " + limit
                        + " envelopes per month and " + used + " were sent this month",
                        Map.of("quota", "monthlyEnvelopes", "limit", limit, "usage", used));
            }
            store.transition(envelopeId, EnvelopeStatus.DRAFT, EnvelopeStatus.SENT, null);
            Instant expiresAt = Instant.now().plus(properties.linkTtl());
            List<IssuedLink> links = new ArrayList<>();
            for (Envelope.Recipient recipient : envelope.recipients()) {
                String token = OpaqueTokens.newToken();
                store.insertLink(tenantId, recipient.id(), OpaqueTokens.hash(token), expiresAt);
                links.add(new IssuedLink(recipient.name(), recipient.email(), token, expiresAt));
            }
            events.publishEvent(new EnvelopeSent(UUID.randomUUID(), tenantId, envelopeId, userId, links.size(), Instant.now()));
            return links;
        });
    }

    public Envelope voidEnvelope(TenantId tenant, UUID userId, UUID envelopeId, String reason) {
        if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
            throw SigningException.validation(Map.of("reason", "A reason of 1 to 500 characters is required"));
        }
        UUID tenantId = tenant.value();
        return scope.call(tenantId, () -> {
            Envelope envelope = store.envelope(envelopeId, true).orElseThrow(() -> notFound(envelopeId));
            if (envelope.status() == EnvelopeStatus.COMPLETED || envelope.status() == EnvelopeStatus.VOIDED) {
                throw new SigningException(SigningException.Kind.CONFLICT, "The envelope is already "
                        + envelope.status().name().toLowerCase() + " and cannot be voided");
            }
            store.transition(envelopeId, envelope.status(), EnvelopeStatus.VOIDED, reason.strip());
            events.publishEvent(new EnvelopeVoided(UUID.randomUUID(), tenantId, envelopeId, userId, reason.strip(), Instant.now()));
            return store.envelope(envelopeId, false).orElseThrow();
        });
    }

    /** The tenant's envelopes out for signature and their live links, counted now (a suspension's blast radius). */
    public InFlight inFlight(TenantId tenant) {
        return scope.call(tenant.value(), store::inFlight);
    }

    /** The tenant's envelope volume, recounted from its own rows (for telemetry re-sync). */
    public EnvelopeUsage usage(TenantId tenant, java.time.LocalDate fromDay) {
        return scope.call(tenant.value(), () -> store.usage(fromDay));
    }

    private Plan plan(TenantId tenant) {
        return lifecycle.planOf(lifecycle.get(tenant));
    }

    static byte[] associatedData(UUID envelopeId) {
        return ("iusign-envelope-document:" + envelopeId).getBytes(StandardCharsets.UTF_8);
    }

    private static SigningException notFound(UUID envelopeId) {
        return new SigningException(SigningException.Kind.NOT_FOUND, "No envelope " + envelopeId + " in this organization");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
