package com.iusign.platform.security;

import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.lifecycle.TenantStatus;
import com.iusign.platform.security.internal.AccessGate;
import com.iusign.platform.security.internal.RevocationWrites;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Global Session Flush and token revocation. A flush is O(1): one not-before write, whatever the
 * number of tokens issued; every instance refuses older tokens on their next request (see
 * {@code GateCache}). Each returns a {@link FlushReceipt} whose proof was checked by the gate after
 * the flush committed.
 */
@Service
public class SessionRevocation {

    private final RevocationWrites writes;
    private final TenantLifecycle lifecycle;
    private final TenantTokens tokens;
    private final AccessGate gate;
    private final JwtDecoder probeDecoder;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    SessionRevocation(RevocationWrites writes, TenantLifecycle lifecycle, TenantTokens tokens, AccessGate gate,
                      ApplicationEventPublisher events, TransactionTemplate transactions) {
        this.writes = writes;
        this.lifecycle = lifecycle;
        this.tokens = tokens;
        this.gate = gate;
        this.probeDecoder = writes.probeDecoder();
        this.events = events;
        this.transactions = transactions;
    }

    /** Ends every session of the tenant issued until now. @throws com.iusign.platform.lifecycle.NotFound */
    public FlushReceipt flushTenant(TenantId tenantId, Change change) {
        TenantStatus current = lifecycle.get(tenantId).status();
        Instant effectiveAt = transactions.execute(status -> {
            Instant at = writes.flushTenant(tenantId.value(), current, change.by().toString());
            events.publishEvent(new TenantSessionsFlushed(UUID.randomUUID(), tenantId.value(), null, at, change));
            return at;
        });
        return receipt(tenantId, null, effectiveAt);
    }

    /** Ends every session of one user of the tenant issued until now. */
    public FlushReceipt flushUser(TenantId tenantId, UUID userId, Change change) {
        lifecycle.get(tenantId);
        Instant effectiveAt = transactions.execute(status -> {
            Instant at = writes.flushUser(tenantId.value(), userId);
            events.publishEvent(new TenantSessionsFlushed(UUID.randomUUID(), tenantId.value(), userId, at, change));
            return at;
        });
        return receipt(tenantId, userId, effectiveAt);
    }

    /** Deny-lists one token until it expires. */
    public void revokeToken(TenantId tenantId, String jti, Instant expiresAt) {
        transactions.executeWithoutResult(status -> writes.denyToken(tenantId.value(), jti, expiresAt));
    }

    public Optional<LastFlush> lastFlush(TenantId tenantId) {
        return writes.lastFlush(tenantId.value());
    }

    public record LastFlush(Instant at, String by) {
    }

    private FlushReceipt receipt(TenantId tenantId, @Nullable UUID userId, Instant effectiveAt) {
        Instant probeIssuedAt = effectiveAt.minusMillis(1);
        UUID probeUser = userId == null ? UUID.randomUUID() : userId;
        IssuedToken probe = tokens.issueAt(tenantId, probeUser, "probe@iusign.invalid", List.of(), probeIssuedAt);
        Jwt decoded = probeDecoder.decode(probe.value());
        GateRefusal.Decision access = gate.evaluate(decoded);
        GateRefusal.Decision refresh = gate.evaluateSession(tenantId.value(), probeUser, probeIssuedAt.toEpochMilli());
        return new FlushReceipt(tenantId.value(), userId, effectiveAt,
                new FlushReceipt.Proof(probeIssuedAt, !access.allowed(), answer(access), !refresh.allowed(), answer(refresh)));
    }

    private static String answer(GateRefusal.Decision decision) {
        return decision.allowed() ? "allowed" : decision.refusal().type() + ": " + decision.detail();
    }
}
