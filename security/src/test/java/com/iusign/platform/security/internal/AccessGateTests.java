package com.iusign.platform.security.internal;

import com.iusign.platform.lifecycle.TenantStatus;
import com.iusign.platform.security.GateRefusal;
import com.iusign.platform.security.TenantTokens;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate's decision order, without Spring, PostgreSQL or Redis: the tenant's status first, then
 * the tenant's and the user's not-before, then the token's own revocation — so a suspended
 * tenant's user hears "suspended" whatever else holds, and a refresh session passes exactly the
 * checks an access token passes apart from the jti.
 */
class AccessGateTests {

    private static final long ISSUED = 1_000_000L;

    private final UUID tenant = UUID.randomUUID();
    private final UUID user = UUID.randomUUID();
    private final FakeStore store = new FakeStore();
    // Not started: no Redis subscription, so every read goes to the store, as when Redis is lost.
    private final AccessGate gate = new AccessGate(new GateCache(store, null), store, null);

    @Test
    void aTokenWithoutTheTenantUserOrIssueTimeIsInvalid() {
        store.tenant(TenantStatus.ACTIVE, 0);
        Jwt noTenant = Jwt.withTokenValue("t").header("alg", "ES256").subject(user.toString())
                .claim(TenantTokens.ISSUED_AT_MILLIS, ISSUED).jti("j").build();
        assertThat(gate.evaluate(noTenant).refusal()).isEqualTo(GateRefusal.INVALID_TOKEN);
    }

    @Test
    void aSuspendedTenantIsSaidFirstEvenForAFlushedAndRevokedToken() {
        store.tenant(TenantStatus.SUSPENDED, ISSUED + 10);
        store.users.put(user, ISSUED + 20);
        store.denied.add("j");
        assertThat(gate.evaluate(token("j")).refusal()).isEqualTo(GateRefusal.TENANT_SUSPENDED);
        store.tenant(TenantStatus.DEACTIVATED, ISSUED + 10);
        assertThat(gate.evaluate(token("j")).refusal()).isEqualTo(GateRefusal.TENANT_DEACTIVATED);
    }

    @Test
    void theTenantsNotBeforeThenTheUsersThenTheTokensRevocation() {
        store.tenant(TenantStatus.ACTIVE, ISSUED + 1);
        store.users.put(user, ISSUED + 2);
        store.denied.add("j");
        assertThat(gate.evaluate(token("j")).detail()).contains("organization's sessions");

        store.tenant(TenantStatus.ACTIVE, ISSUED);
        assertThat(gate.evaluate(token("j")).detail()).contains("this user's sessions");

        store.users.put(user, ISSUED);
        assertThat(gate.evaluate(token("j")).refusal()).isEqualTo(GateRefusal.TOKEN_REVOKED);

        store.denied.clear();
        assertThat(gate.evaluate(token("j")).allowed()).isTrue();
    }

    @Test
    void aRefreshSessionPassesTheSameChecksButTheJti() {
        store.tenant(TenantStatus.ACTIVE, ISSUED + 1);
        assertThat(gate.evaluateSession(tenant, user, ISSUED).refusal()).isEqualTo(GateRefusal.SESSION_FLUSHED);
        assertThat(gate.evaluateSession(tenant, user, ISSUED + 1).allowed()).as("a session begun at the not-before").isTrue();
        store.users.put(user, ISSUED + 5);
        assertThat(gate.evaluateSession(tenant, user, ISSUED + 4).refusal()).isEqualTo(GateRefusal.SESSION_FLUSHED);
        store.tenant(TenantStatus.SUSPENDED, ISSUED + 1);
        assertThat(gate.evaluateSession(tenant, user, ISSUED + 10).refusal()).isEqualTo(GateRefusal.TENANT_SUSPENDED);
    }

    private Jwt token(String jti) {
        return Jwt.withTokenValue("t").header("alg", "ES256").subject(user.toString()).claim(TenantTokens.TENANT_CLAIM, tenant.toString())
                .claim(TenantTokens.ISSUED_AT_MILLIS, ISSUED).jti(jti).issuedAt(Instant.ofEpochMilli(ISSUED)).build();
    }

    /** The gate's truth in memory. */
    private final class FakeStore extends GateStore {

        private GateStore.TenantState state;
        private final Map<UUID, Long> users = new HashMap<>();
        private final Set<String> denied = new HashSet<>();

        FakeStore() {
            super(null);
        }

        void tenant(TenantStatus status, long notBefore) {
            state = new GateStore.TenantState(status, notBefore);
        }

        @Override
        Optional<TenantState> tenant(UUID tenantId) {
            return tenantId.equals(tenant) ? Optional.ofNullable(state) : Optional.empty();
        }

        @Override
        long userNotBefore(UUID userId) {
            return users.getOrDefault(userId, 0L);
        }

        @Override
        boolean denied(String jti) {
            return denied.contains(jti);
        }
    }
}
