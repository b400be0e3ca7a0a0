package com.iusign.platform.signing;

import com.iusign.platform.lifecycle.TenantStatus;
import com.iusign.platform.security.OpaqueTokens;
import com.iusign.platform.security.TenantAccess;
import com.iusign.platform.security.TenantKeyRing;
import com.iusign.platform.security.TenantScope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What an anonymous signer can do with a link token: see the envelope, read its document, sign.
 * Each call asks the access gate for the tenant's status first — SUSPENDED answers "temporarily
 * unavailable", DEACTIVATED "no longer available" — so a suspension reaches every link without
 * touching a single link row, and a reactivation brings back every link that has not expired.
 */
@Service
public class SigningLinks {

    private static final UUID NO_TENANT = new UUID(0, 0);

    private final SigningStore store;
    private final TenantScope scope;
    private final TenantAccess access;
    private final TenantKeyRing keys;
    private final ApplicationEventPublisher events;

    SigningLinks(SigningStore store, TenantScope scope, TenantAccess access, TenantKeyRing keys, ApplicationEventPublisher events) {
        this.store = store;
        this.scope = scope;
        this.access = access;
        this.keys = keys;
        this.events = events;
    }

    public SigningLinkView open(String token) {
        return withLink(token, (tenantId, link, envelope) -> {
            if (link.openedAt() == null && store.markOpened(link.linkId())) {
                events.publishEvent(new SigningLinkOpened(UUID.randomUUID(), tenantId, envelope.id(), link.recipientId(), Instant.now()));
            }
            return view(link, envelope);
        });
    }

    /** The decrypted PDF; refused exactly like {@link #open} (nothing served while the tenant is suspended). */
    public byte[] document(String token) {
        return withLink(token, (tenantId, link, envelope) ->
                keys.open(tenantId, store.sealedDocument(envelope.id()), Envelopes.associatedData(envelope.id())));
    }

    public SigningLinkView sign(String token, String typedName) {
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        EnvelopeRules.text(errors, "typedName", typedName, 200);
        if (!errors.isEmpty()) {
            throw SigningException.validation(errors);
        }
        return withLink(token, (tenantId, link, unlocked) -> {
            Envelope envelope = store.envelope(unlocked.id(), true).orElseThrow();
            if (envelope.status() == EnvelopeStatus.COMPLETED) {
                throw new SigningException(SigningException.Kind.CONFLICT, "Everyone has signed this envelope already");
            }
            Envelope.Recipient me = recipient(envelope, link.recipientId());
            if (me.signedAt() != null) {
                throw new SigningException(SigningException.Kind.CONFLICT, "You have already signed this envelope");
            }
            Optional<Envelope.Recipient> before = envelope.recipients().stream()
                    .filter(r -> r.position() < me.position() && r.signedAt() == null).findFirst();
            if (before.isPresent()) {
                throw new SigningException(SigningException.Kind.CONFLICT, "Waiting for " + before.get().name() + " to sign first");
            }
            if (!EnvelopeRules.sameName(typedName, me.name())) {
                throw SigningException.validation(Map.of("typedName",
                        "Type your full name as the sender wrote it on the envelope: " + me.name()));
            }
            store.sign(me.id(), typedName.strip());
            boolean last = envelope.recipients().stream().allMatch(r -> r.id().equals(me.id()) || r.signedAt() != null);
            if (last) {
                store.transition(envelope.id(), EnvelopeStatus.SENT, EnvelopeStatus.COMPLETED, null);
                events.publishEvent(new EnvelopeCompleted(UUID.randomUUID(), tenantId, envelope.id(), Instant.now()));
            }
            return view(link, store.envelope(envelope.id(), false).orElseThrow());
        });
    }

    private interface LinkWork<T> {
        T apply(UUID tenantId, SigningStore.LinkRow link, Envelope envelope);
    }

    private <T> T withLink(String token, LinkWork<T> work) {
        String hash = OpaqueTokens.hash(token == null ? "" : token);
        Optional<UUID> tenant = store.tenantOfLink(hash);
        if (tenant.isEmpty()) {
            // Do the same scoped lookup a real link gets, so an unknown token costs about as much as a known one.
            scope.call(NO_TENANT, () -> store.link(hash));
            throw new SigningException(SigningException.Kind.NOT_FOUND, "This signing link does not exist");
        }
        UUID tenantId = tenant.get();
        TenantStatus status = access.status(tenantId).orElse(TenantStatus.DEACTIVATED);
        if (status == TenantStatus.SUSPENDED) {
            throw new SigningException(SigningException.Kind.TENANT_SUSPENDED,
                    "This signing link is temporarily unavailable: the sender's organization is suspended");
        }
        if (status != TenantStatus.ACTIVE) {
            throw new SigningException(SigningException.Kind.GONE, "This signing link is no longer available: the sender's"
                    + " organization was closed");
        }
        return scope.call(tenantId, () -> {
            SigningStore.LinkRow link = store.link(hash).orElseThrow(() ->
                    new SigningException(SigningException.Kind.NOT_FOUND, "This signing link does not exist"));
            Envelope envelope = store.envelope(link.envelopeId(), false).orElseThrow();
            if (envelope.status() == EnvelopeStatus.VOIDED) {
                throw new SigningException(SigningException.Kind.GONE, "This signing link is no longer available: the sender"
                        + " withdrew the envelope");
            }
            if (link.expiresAt().isBefore(Instant.now())) {
                throw new SigningException(SigningException.Kind.GONE, "This signing link expired; ask the sender for a new one");
            }
            return work.apply(tenantId, link, envelope);
        });
    }

    private static SigningLinkView view(SigningStore.LinkRow link, Envelope envelope) {
        Envelope.Recipient me = recipient(envelope, link.recipientId());
        String waitingFor = envelope.recipients().stream().filter(r -> r.position() < me.position() && r.signedAt() == null)
                .map(Envelope.Recipient::name).findFirst().orElse(null);
        return new SigningLinkView(envelope.title(), me.name(), envelope.status(), me.signedAt() != null, waitingFor,
                link.expiresAt(), envelope.document().fileName(), envelope.document().sizeBytes());
    }

    private static Envelope.Recipient recipient(Envelope envelope, UUID recipientId) {
        return envelope.recipients().stream().filter(r -> r.id().equals(recipientId)).findFirst().orElseThrow();
    }
}
