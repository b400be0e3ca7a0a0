package com.iusign.platform.security.internal;

import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.lifecycle.TenantStatus;
import com.iusign.platform.security.FlushReceipt;
import com.iusign.platform.security.GateRefusal;
import com.iusign.platform.security.IssuedToken;
import com.iusign.platform.security.SessionRevocation;
import com.iusign.platform.security.TenantSessionsFlushed;
import com.iusign.platform.security.TenantTokens;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@link SessionRevocation} of this instance: the not-before and deny-list writes in
 * PostgreSQL inside the caller's transaction, the gate's invalidations through Redis after it
 * commits, and the receipt's proof — a probe token issued just before the flush, decoded and put
 * to the gate as an access token and as a refresh session.
 */
@Service
class SessionFlushes implements SessionRevocation {

    private final GateStore store;
    private final GateCache cache;
    private final TenantLifecycle lifecycle;
    private final TenantTokens tokens;
    private final AccessGate gate;
    private final JwtDecoder probeDecoder;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock = Clock.systemUTC();

    SessionFlushes(GateStore store, GateCache cache, PlatformSigningKeys keys, TenantLifecycle lifecycle, TenantTokens tokens,
                   AccessGate gate, ApplicationEventPublisher events, TransactionTemplate transactions) {
        this.store = store;
        this.cache = cache;
        this.lifecycle = lifecycle;
        this.tokens = tokens;
        this.gate = gate;
        this.probeDecoder = TenantApiSecurityConfiguration.tenantTokenDecoder(keys, tokens.issuer());
        this.events = events;
        this.transactions = transactions;
    }

    @Override
    public FlushReceipt flushTenant(TenantId tenantId, Change change) {
        TenantStatus current = lifecycle.get(tenantId).status();
        Instant effectiveAt = transactions.execute(status -> {
            Instant at = NotBefore.after(clock.instant());
            store.ensureTenant(tenantId.value(), current);
            store.recordFlush(tenantId.value(), at, change.by().toString());
            cache.tenantChanging(tenantId.value());
            events.publishEvent(new TenantSessionsFlushed(UUID.randomUUID(), tenantId.value(), null, at, change));
            return at;
        });
        return receipt(tenantId, null, effectiveAt);
    }

    @Override
    public FlushReceipt flushUser(TenantId tenantId, UUID userId, Change change) {
        lifecycle.get(tenantId);
        Instant effectiveAt = transactions.execute(status -> {
            Instant at = NotBefore.after(clock.instant());
            store.moveUserNotBefore(userId, tenantId.value(), at);
            cache.userChanging(userId);
            events.publishEvent(new TenantSessionsFlushed(UUID.randomUUID(), tenantId.value(), userId, at, change));
            return at;
        });
        return receipt(tenantId, userId, effectiveAt);
    }

    @Override
    public void revokeToken(TenantId tenantId, String jti, Instant expiresAt) {
        transactions.executeWithoutResult(status -> {
            store.deny(jti, tenantId.value(), expiresAt);
            cache.tokenDenying(jti, expiresAt.toEpochMilli());
        });
    }

    @Override
    public Optional<LastFlush> lastFlush(TenantId tenantId) {
        return store.lastFlush(tenantId.value()).map(entry -> new LastFlush(entry.getKey(), entry.getValue()));
    }

    @Override
    public Instant sessionsNotBefore(TenantId tenantId) {
        return store.tenant(tenantId.value()).map(state -> Instant.ofEpochMilli(state.notBeforeMillis())).orElse(Instant.EPOCH);
    }

    /** The decoder of the receipts' probe tokens: the tenant API's own, so the proof runs the same checks. */
    JwtDecoder probeDecoder() {
        return probeDecoder;
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
