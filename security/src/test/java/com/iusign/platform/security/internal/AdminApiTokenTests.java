package com.iusign.platform.security.internal;

import com.iusign.platform.security.AdminApiClients;
import com.iusign.platform.security.RegisteredApiClient;
import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

@ApplicationModuleTest(extraIncludes = "lifecycle")
@AutoConfigureMockMvc
class AdminApiTokenTests {

    private final MockMvcTester mvc;
    private final AdminApiClients clients;
    private final JwtEncoder platformEncoder;
    private final PlatformSigningKeys keys;

    AdminApiTokenTests(MockMvcTester mvc, AdminApiClients clients, JwtEncoder platformEncoder, PlatformSigningKeys keys) {
        this.mvc = mvc;
        this.clients = clients;
        this.platformEncoder = platformEncoder;
        this.keys = keys;
    }

    @Test
    void clientCredentialsGrantIssuesAShortLivedTokenThatOpensTheAdminApi() throws Exception {
        RegisteredApiClient client = clients.register("Test automation", "ops@iusign.test");

        MvcTestResult issued = mvc.post().uri("/oauth2/token")
                .header(HttpHeaders.AUTHORIZATION, basic(client.client().clientId(), client.secret()))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("grant_type=client_credentials").exchange();

        assertThat(issued).hasStatusOk().bodyJson().extractingPath("$.expires_in").asNumber().isEqualTo(300);
        assertThat(issued).headers().hasValue(HttpHeaders.CACHE_CONTROL, "no-store");
        String token = JsonPath.read(issued.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.access_token");
        assertThat(mvc.get().uri("/api/admin/api-clients").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .hasStatusOk().bodyJson().extractingPath("$[*].clientId").asArray().contains(client.client().clientId());
    }

    @Test
    void formParametersAuthenticateTheClientToo() {
        RegisteredApiClient client = clients.register("Form client", "ops@iusign.test");

        assertThat(mvc.post().uri("/oauth2/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("grant_type=client_credentials&client_id=" + client.client().clientId() + "&client_secret=" + client.secret()))
                .hasStatusOk();
    }

    @Test
    void wrongSecretRevokedClientAndUnsupportedGrantAreRefusedTheOAuthWay() {
        RegisteredApiClient client = clients.register("Soon revoked", "ops@iusign.test");
        String clientId = client.client().clientId();

        assertThat(token(basic(clientId, "wrong-secret"), "client_credentials"))
                .hasStatus(401).bodyJson().extractingPath("$.error").isEqualTo("invalid_client");
        assertThat(token(basic(clientId, client.secret()), "password"))
                .hasStatus(400).bodyJson().extractingPath("$.error").isEqualTo("unsupported_grant_type");
        clients.revoke(clientId, "sec@iusign.test");
        assertThat(token(basic(clientId, client.secret()), "client_credentials"))
                .hasStatus(401).bodyJson().extractingPath("$.error").isEqualTo("invalid_client");
    }

    @Test
    void requestWithoutATokenGetsA401Problem() {
        MvcTestResult result = mvc.get().uri("/api/admin/api-clients").exchange();

        assertThat(result).hasStatus(401).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo(ProblemResponses.TYPE_UNAUTHENTICATED);
    }

    @Test
    void tokenSignedWithAnotherKeyIsRefused() throws Exception {
        var foreignKey = new ECKeyGenerator(Curve.P_256).keyID(keys.signingKey().getKeyID()).generate();
        JwtEncoder forger = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(foreignKey)));

        assertInvalidToken(forger.encode(parameters(UnaryOperator.identity())).getTokenValue(), "signature");
    }

    @Test
    void tokenOfAnotherIssuerIsRefused() {
        assertInvalidToken(platformToken(claims -> claims.issuer("https://evil.example")), "iss");
    }

    @Test
    void tokenForAnotherAudienceIsRefused() {
        assertInvalidToken(platformToken(claims -> claims.audience(List.of("tenant-api"))), "aud");
    }

    @Test
    void expiredTokenIsRefused() {
        Instant past = Instant.now().minusSeconds(3600);
        assertInvalidToken(platformToken(claims -> claims.issuedAt(past).notBefore(past).expiresAt(past.plusSeconds(300))),
                "expired");
    }

    @Test
    void validTokenWithoutTheSuperAdminRoleGetsA403Problem() {
        String token = platformToken(claims -> claims.claim("roles", List.of("AUDITOR")));

        assertThat(mvc.get().uri("/api/admin/api-clients").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .hasStatus(403).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.type").isEqualTo(ProblemResponses.TYPE_FORBIDDEN);
    }

    @Test
    void jwkSetPublishesOnlyPublicKeys() {
        assertThat(mvc.get().uri("/oauth2/jwks")).hasStatusOk().bodyJson()
                .satisfies(json -> assertThat(json.getJson()).contains("\"kty\":\"EC\"").doesNotContain("\"d\":"));
    }

    private void assertInvalidToken(String token, String expectedInDetail) {
        MvcTestResult result = mvc.get().uri("/api/admin/api-clients").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
        assertThat(result).hasStatus(401).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo(ProblemResponses.TYPE_INVALID_TOKEN);
        assertThat(result).bodyJson().extractingPath("$.detail").asString().containsIgnoringCase(expectedInDetail);
    }

    private String platformToken(UnaryOperator<JwtClaimsSet.Builder> change) {
        return platformEncoder.encode(parameters(change)).getTokenValue();
    }

    private JwtEncoderParameters parameters(UnaryOperator<JwtClaimsSet.Builder> change) {
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer("urn:iusign:control-plane").audience(List.of("iusign-admin-api")).subject("test")
                .issuedAt(now).notBefore(now).expiresAt(now.plusSeconds(300)).id(UUID.randomUUID().toString())
                .claim("roles", List.of("SUPERADMIN"));
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.ES256).keyId(keys.signingKey().getKeyID()).build();
        return JwtEncoderParameters.from(header, change.apply(claims).build());
    }

    private MvcTestResult token(String authorization, String grantType) {
        return mvc.post().uri("/oauth2/token").header(HttpHeaders.AUTHORIZATION, authorization)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("grant_type=" + grantType).exchange();
    }

    private static String basic(String clientId, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }
}
