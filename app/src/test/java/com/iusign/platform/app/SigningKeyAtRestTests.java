package com.iusign.platform.app;

import com.iusign.platform.security.AdminApiClients;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Red-team finding 2: whoever can read the signing-key table (the runtime role, an injection, a
 * backup) must not find a key that signs, and whoever can write it must not plant one that verifies.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SigningKeyAtRestTests {

    private final AdminApiClients clients;
    private final JdbcClient runtimeRole;
    private final int port;

    SigningKeyAtRestTests(AdminApiClients clients, JdbcClient runtimeRole, @LocalServerPort int port) {
        this.clients = clients;
        this.runtimeRole = runtimeRole;
        this.port = port;
    }

    @Test
    void noColumnTheRuntimeRoleCanReadHoldsAPrivateSigningKey() throws Exception {
        new AdminApiClient(clients, port); // a token issued: a signing key exists
        List<Map<String, Object>> rows = runtimeRole.sql("SELECT * FROM platform_signing_key").query().listOfRows();
        assertThat(rows).isNotEmpty();

        List<String> readable = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            for (Object value : row.values()) {
                if (value instanceof String text) {
                    readable.add(text);
                } else if (value instanceof byte[] bytes) {
                    readable.add(new String(bytes, StandardCharsets.UTF_8));
                }
            }
        }
        assertThat(readable).noneMatch(SigningKeyAtRestTests::isPrivateJwk);
        assertThat(readable).noneMatch(text -> text.contains("\"d\""));
    }

    @Test
    void aKeyPlantedInTheTableVerifiesNothing() throws Exception {
        AdminApiClient api = new AdminApiClient(clients, port);
        ECKey planted = new ECKeyGenerator(Curve.P_256).keyID("planted-" + UUID.randomUUID()).generate();
        runtimeRole.sql("""
                INSERT INTO platform_signing_key (kid, algorithm, public_jwk, private_key_wrapped, provider, created_at)
                VALUES (:kid, 'ES256', :jwk, :wrapped, 'local', now() + interval '1 second')""")
                .param("kid", planted.getKeyID()).param("jwk", planted.toPublicJWK().toJSONString())
                .param("wrapped", planted.toJSONString().getBytes(StandardCharsets.UTF_8)).update();
        try {
            // A rotation re-reads the table, as every instance does each minute.
            assertThat(api.post("/api/admin/signing-keys/rotate", "{}").status()).isEqualTo(200);

            String forged = sign(planted, new JWTClaimsSet.Builder().issuer("urn:iusign:control-plane").audience("iusign-admin-api")
                    .subject("attacker").claim("roles", List.of("SUPERADMIN")).issueTime(new Date())
                    .expirationTime(new Date(System.currentTimeMillis() + 300_000)).jwtID(UUID.randomUUID().toString()).build());

            var refused = api.as(forged, "GET", "/api/admin/api-clients", null);
            assertThat(refused.status()).as(refused.body()).isEqualTo(401);
            assertThat(api.as(null, "GET", "/oauth2/jwks", null).body()).doesNotContain(planted.getKeyID());
            assertThat(api.get("/api/admin/api-clients").status()).as("the platform's own tokens still pass").isEqualTo(200);
        } finally {
            // Every instance sharing this database would otherwise log the planted row at each key reload.
            runtimeRole.sql("DELETE FROM platform_signing_key WHERE kid = :kid").param("kid", planted.getKeyID()).update();
        }
    }

    private static String sign(ECKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    private static boolean isPrivateJwk(String text) {
        try {
            return ECKey.parse(text).isPrivate();
        } catch (Exception e) {
            return false;
        }
    }
}
