package com.iusign.platform.app;

import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.security.AdminApiClients;
import com.iusign.platform.security.TenantTokens;
import com.iusign.testfixtures.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Tenant users' tokens through the access gate, end to end over HTTP: suspension, flush, lock, refresh, bad tokens. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TenantSessionSecurityTests {

    private static final String PASSWORD = "tenant user password 1";

    private final AdminApiClients clients;
    private final TenantTokens tokens;
    private final org.springframework.security.oauth2.jwt.JwtEncoder encoder;
    private final int port;
    private final io.micrometer.core.instrument.MeterRegistry meters;
    private AdminApiClient api;
    private String tenantId;
    private String slug;
    private String ownerEmail;
    private String ownerId;

    TenantSessionSecurityTests(AdminApiClients clients, TenantTokens tokens, org.springframework.security.oauth2.jwt.JwtEncoder encoder,
                               io.micrometer.core.instrument.MeterRegistry meters, @LocalServerPort int port) {
        this.meters = meters;
        this.clients = clients;
        this.tokens = tokens;
        this.encoder = encoder;
        this.port = port;
    }

    @BeforeEach
    void tenantWithAnActivatedOwner() throws Exception {
        api = new AdminApiClient(clients, port);
        slug = TestTenants.slug("sec");
        ownerEmail = "owner@" + slug + ".test";
        var provisioned = api.post("/api/admin/tenants", """
                {"name":"Secure %s","slug":"%s","plan":"business","ownerEmail":"%s"}""".formatted(slug, slug, ownerEmail));
        assertThat(provisioned.status()).isEqualTo(201);
        tenantId = provisioned.text("/id");
        ownerId = provisioned.text("/ownerUserId");
        var activated = api.as(null, "POST", "/api/v1/auth/activate", """
                {"token":"%s","password":"%s"}""".formatted(provisioned.text("/ownerActivationToken"), PASSWORD));
        assertThat(activated.status()).isEqualTo(204);
    }

    @Test
    void suspensionRefusesTheVeryNextCallAndRefreshAndReactivationAdmitsOnlyNewSignIns() throws Exception {
        var session = signIn();
        assertThat(me(session.text("/access_token")).status()).isEqualTo(200);
        assertThat(me(session.text("/access_token")).text("/email")).isEqualTo(ownerEmail);

        assertThat(api.post("/api/admin/tenants/" + tenantId + "/suspend", "{\"reason\":\"Abuse report\"}").status()).isEqualTo(200);

        var refused = me(session.text("/access_token"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("/type")).isEqualTo("urn:iusign:problem:tenant-suspended");
        var refresh = api.as(null, "POST", "/api/v1/auth/refresh", "{\"refresh_token\":\"" + session.text("/refresh_token") + "\"}");
        assertThat(refresh.status()).isEqualTo(403);
        assertThat(refresh.text("/type")).isEqualTo("urn:iusign:problem:tenant-suspended");
        assertThat(signInReply().status()).isEqualTo(403);

        api.post("/api/admin/tenants/" + tenantId + "/reactivate", "{\"reason\":\"Cleared\"}");
        var old = me(session.text("/access_token"));
        assertThat(old.status()).isEqualTo(401);
        assertThat(old.text("/type")).isEqualTo("urn:iusign:problem:session-revoked");
        assertThat(me(signIn().text("/access_token")).status()).isEqualTo(200);
    }

    @Test
    void globalSessionFlushRefusesOlderTokensWithAReceiptAndNewSignInsWork() throws Exception {
        String before = signIn().text("/access_token");

        var receipt = api.post("/api/admin/tenants/" + tenantId + "/sessions/flush", "{\"reason\":\"Credential leak\"}");

        assertThat(receipt.status()).isEqualTo(200);
        assertThat(receipt.json().at("/proof/refused").asBoolean()).isTrue();
        assertThat(receipt.text("/proof/gateAnswer")).contains("session-revoked");
        assertThat(Instant.parse(receipt.text("/proof/probeIssuedAt"))).isEqualTo(Instant.parse(receipt.text("/effectiveAt")).minusMillis(1));
        assertThat(me(before).status()).isEqualTo(401);
        assertThat(me(signIn().text("/access_token")).status()).isEqualTo(200);
        assertThat(api.get("/api/admin/audit?tenantId=" + tenantId + "&action=sessions.flushed").json().get("items").size()).isEqualTo(1);
    }

    @Test
    void aTokenIssuedAMillisecondAfterTheCutOffPassesAndOneIssuedAMillisecondBeforeDoesNot() throws Exception {
        var receipt = api.post("/api/admin/tenants/" + tenantId + "/sessions/flush", "{\"reason\":\"Resolution check\"}");
        Instant effectiveAt = Instant.parse(receipt.text("/effectiveAt"));

        assertThat(me(token(effectiveAt.minusMillis(1))).status()).isEqualTo(401);
        assertThat(me(token(effectiveAt)).status()).isEqualTo(200);
        assertThat(me(token(effectiveAt.plusMillis(2))).status()).isEqualTo(200);
    }

    @Test
    void theEffectiveCutOffIsTheLatestOfTenantUserAndTokenExpiry() throws Exception {
        Instant tenantCut = Instant.parse(api.post("/api/admin/tenants/" + tenantId + "/sessions/flush",
                "{\"reason\":\"Tenant cut\"}").text("/effectiveAt"));
        Instant userCut = Instant.parse(api.post("/api/admin/tenants/" + tenantId + "/users/" + ownerId + "/sessions/flush",
                "{\"reason\":\"User cut\"}").text("/effectiveAt"));
        assertThat(userCut).isAfterOrEqualTo(tenantCut);

        assertThat(me(token(tenantCut.minusMillis(1))).status()).as("before both").isEqualTo(401);
        assertThat(me(token(userCut.minusMillis(1))).status()).as("after the tenant's, before the user's").isEqualTo(401);
        assertThat(me(token(userCut)).status()).as("after both").isEqualTo(200);
        assertThat(me(token(Instant.now().minusSeconds(3600))).status()).as("expired").isEqualTo(401);

        Instant laterTenantCut = Instant.parse(api.post("/api/admin/tenants/" + tenantId + "/sessions/flush",
                "{\"reason\":\"Tenant cut after the user's\"}").text("/effectiveAt"));
        assertThat(me(token(userCut)).status()).as("after the user's, before a later tenant cut").isEqualTo(401);
        assertThat(me(token(laterTenantCut)).status()).isEqualTo(200);
    }

    @Test
    void lockingAUserEndsTheirSessionsAndSignInsSayWhyOnlyWithTheRightPassword() throws Exception {
        var session = signIn();

        var locked = api.post("/api/admin/tenants/" + tenantId + "/users/" + ownerId + "/lock", "{\"reason\":\"Left the company\"}");

        assertThat(locked.text("/status")).isEqualTo("LOCKED");
        assertThat(me(session.text("/access_token")).status()).isEqualTo(401);
        assertThat(signInReply().text("/type")).isEqualTo("urn:iusign:problem:account-locked");
        var wrongPassword = api.as(null, "POST", "/api/v1/auth/token", """
                {"tenant":"%s","email":"%s","password":"wrong wrong wrong"}""".formatted(slug, ownerEmail));
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.text("/type")).isEqualTo("urn:iusign:problem:sign-in-failed");
        api.post("/api/admin/tenants/" + tenantId + "/users/" + ownerId + "/unlock", "{\"reason\":\"Came back\"}");
        assertThat(me(signIn().text("/access_token")).status()).isEqualTo(200);
    }

    @Test
    void unknownEmailAndUnknownTenantGetTheSameAnswerAsAWrongPassword() throws Exception {
        var unknownEmail = api.as(null, "POST", "/api/v1/auth/token", """
                {"tenant":"%s","email":"nobody@%s.test","password":"%s"}""".formatted(slug, slug, PASSWORD));
        var unknownTenant = api.as(null, "POST", "/api/v1/auth/token", """
                {"tenant":"no-such-tenant-x","email":"%s","password":"%s"}""".formatted(ownerEmail, PASSWORD));

        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(unknownTenant.status()).isEqualTo(401);
        assertThat(unknownEmail.text("/detail")).isEqualTo(unknownTenant.text("/detail"));
    }

    @Test
    void aReusedRefreshTokenRevokesTheWholeFamily() throws Exception {
        var first = signIn();
        var second = refresh(first.text("/refresh_token"));
        assertThat(second.status()).isEqualTo(200);

        var reuse = refresh(first.text("/refresh_token"));

        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.text("/detail")).contains("already used");
        assertThat(refresh(second.text("/refresh_token")).status()).as("the rotated successor is revoked too").isEqualTo(401);
        assertThat(me(second.text("/access_token")).status()).as("the user's sessions ended").isEqualTo(401);
    }

    @Test
    void requestsWithAValidTokenTakeNoDatabaseConnectionOnceTheGateIsWarm() throws Exception {
        String token = signIn().text("/access_token");
        assertThat(me(token).status()).isEqualTo(200);
        io.micrometer.core.instrument.Timer acquire = meters.get("hikaricp.connections.acquire").timer();
        long before = acquire.count();

        for (int call = 0; call < 50; call++) {
            assertThat(me(token).status()).isEqualTo(200);
        }

        // Background work (event registry, schedulers) may borrow a few; one per request would be 50.
        assertThat(acquire.count() - before).isLessThan(10);
    }

    @Test
    void badTokensAreRefused() throws Exception {
        String good = signIn().text("/access_token");
        String[] parts = good.split("\\.");
        String header = decode(parts[0]);
        String payload = decode(parts[1]);

        String algNone = encode(header.replace("ES256", "none")) + "." + parts[1] + ".";
        String tampered = parts[0] + "." + encode(payload.replace(ownerId, UUID.randomUUID().toString())) + "." + parts[2];
        String wrongSignature = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 4) + "AAAA";

        assertThat(me(good).status()).isEqualTo(200);
        for (String bad : List.of(algNone, tampered, wrongSignature, "not.a.jwt")) {
            assertThat(me(bad).status()).as(bad).isEqualTo(401);
        }
        assertThat(me(null).status()).isEqualTo(401);
        assertThat(me(api.token()).status()).as("an admin token is not a tenant token").isEqualTo(401);
        String unknownTenant = tokens.issue(new TenantId(UUID.randomUUID()), UUID.fromString(ownerId), ownerEmail, List.of("OWNER")).value();
        assertThat(me(unknownTenant).status()).isEqualTo(401);
        assertThat(me(unknownTenant).text("/detail")).contains("No tenant");
    }

    @Test
    void afterAKeyRotationNewTokensUseTheNewKeyAndTokensOfTheOldKeyStillPass() throws Exception {
        String oldKeyToken = signIn().text("/access_token");

        var rotated = api.post("/api/admin/signing-keys/rotate", "{}");

        assertThat(rotated.status()).isEqualTo(200);
        String kid = rotated.text("/kid");
        String newKeyToken = signIn().text("/access_token");
        assertThat(decode(newKeyToken.split("\\.")[0])).contains(kid);
        assertThat(decode(oldKeyToken.split("\\.")[0])).doesNotContain(kid);
        assertThat(me(oldKeyToken).status()).isEqualTo(200);
        assertThat(me(newKeyToken).status()).isEqualTo(200);
        assertThat(api.as(null, "GET", "/oauth2/jwks", null).body()).contains(kid);
    }

    @Test
    void tokensOfAnotherIssuerOrWithoutATenantAreRefused() throws Exception {
        Instant now = Instant.now();
        var claims = org.springframework.security.oauth2.jwt.JwtClaimsSet.builder().audience(List.of(TenantTokens.AUDIENCE))
                .subject(ownerId).issuedAt(now).expiresAt(now.plusSeconds(300)).id(UUID.randomUUID().toString())
                .claim(TenantTokens.ISSUED_AT_MILLIS, now.toEpochMilli());
        String otherIssuer = encode(claims.issuer("https://evil.example").claim(TenantTokens.TENANT_CLAIM, tenantId).build());
        String noTenant = encode(org.springframework.security.oauth2.jwt.JwtClaimsSet.from(claims.build()).issuer(tokens.issuer())
                .claims(all -> all.remove(TenantTokens.TENANT_CLAIM)).build());

        assertThat(me(otherIssuer).status()).isEqualTo(401);
        assertThat(me(otherIssuer).text("/detail")).containsIgnoringCase("iss");
        assertThat(me(noTenant).status()).isEqualTo(401);
    }

    private String encode(org.springframework.security.oauth2.jwt.JwtClaimsSet claims) {
        return encoder.encode(org.springframework.security.oauth2.jwt.JwtEncoderParameters.from(
                org.springframework.security.oauth2.jwt.JwsHeader.with(org.springframework.security.oauth2.jose.jws.SignatureAlgorithm.ES256).build(),
                claims)).getTokenValue();
    }

    private String token(Instant issuedAt) {
        return tokens.issueAt(new TenantId(UUID.fromString(tenantId)), UUID.fromString(ownerId), ownerEmail, List.of("OWNER"), issuedAt).value();
    }

    private AdminApiClient.Reply signIn() throws Exception {
        var reply = signInReply();
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply;
    }

    private AdminApiClient.Reply signInReply() throws Exception {
        return api.as(null, "POST", "/api/v1/auth/token", """
                {"tenant":"%s","email":"%s","password":"%s"}""".formatted(slug, ownerEmail, PASSWORD));
    }

    private AdminApiClient.Reply refresh(String refreshToken) throws Exception {
        return api.as(null, "POST", "/api/v1/auth/refresh", "{\"refresh_token\":\"" + refreshToken + "\"}");
    }

    private AdminApiClient.Reply me(String bearer) throws Exception {
        return api.as(bearer, "GET", "/api/v1/me", null);
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
