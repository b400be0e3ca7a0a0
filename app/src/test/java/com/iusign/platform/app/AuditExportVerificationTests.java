package com.iusign.platform.app;

import com.iusign.platform.security.AdminApiClients;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit export verified offline exactly as {@code docs/security.md} tells anyone to: with the
 * JDK alone (no platform code), the JWKS from {@code /oauth2/jwks}, and the file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditExportVerificationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AdminApiClients clients;
    private final int port;

    AuditExportVerificationTests(AdminApiClients clients, @LocalServerPort int port) {
        this.clients = clients;
        this.port = port;
    }

    @Test
    void aTenantsExportVerifiesOfflineAndAnyAlterationIsFound() throws Exception {
        AdminApiClient api = new AdminApiClient(clients, port);
        AdminApiClient.TenantOwner tenant = api.tenantOwner("starter");
        api.post("/api/admin/tenants/" + tenant.tenantId() + "/flag", "{\"reason\":\"Export test flag\"}");
        String jwks = api.get("/oauth2/jwks").body();

        AdminApiClient.Reply export = api.download("/api/admin/audit/export?tenantId=" + tenant.tenantId(), "application/x-ndjson");

        assertThat(export.status()).as(export.body()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/x-ndjson");
        JsonNode manifest = verify(export.body(), jwks);
        assertThat(manifest.get("scope").asString()).isEqualTo("tenant");
        assertThat(manifest.get("tenantId").asString()).isEqualTo(tenant.tenantId());
        assertThat(manifest.get("count").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(export.body()).contains("tenant.provisioned").contains("tenant.flagged").contains("Export test flag");

        String altered = export.body().replace("Export test flag", "Export test flaG");
        assertThat(verifyFailure(altered, jwks)).isEqualTo("the entries do not match the signed SHA-256");
        List<String> lines = export.body().lines().toList();
        String dropped = String.join("\n", lines.subList(1, lines.size())) + "\n";
        assertThat(verifyFailure(dropped, jwks)).isEqualTo("the entries do not match the signed SHA-256");
        String lastLine = lines.getLast();
        String forgedManifest = export.body().replace(lastLine, lastLine.substring(0, lastLine.length() - 8) + "AAAAAA\"}");
        assertThat(verifyFailure(forgedManifest, jwks)).isEqualTo("the manifest's signature does not verify");

        assertThat(api.get("/api/admin/audit?tenantId=" + tenant.tenantId() + "&action=audit.exported").body()).contains("audit.exported");
        assertThat(api.get("/api/admin/audit?tenantId=" + tenant.tenantId() + "&from=" + java.time.Instant.now().plusSeconds(3600)).json()
                .get("items").size()).as("nothing in the future").isZero();
        assertThat(api.get("/api/admin/audit?tenantId=" + tenant.tenantId() + "&to=" + java.time.Instant.now().plusSeconds(60)).json()
                .get("items").size()).as("everything until now").isPositive();
        var badFrom = api.get("/api/admin/audit?from=yesterday");
        assertThat(badFrom.status()).isEqualTo(400);
        assertThat(badFrom.body()).contains("from");
        assertThat(api.get("/api/admin/audit/actions").body()).contains("audit.exported").contains("tenant.provisioned");
        assertThat(api.download("/api/admin/audit/export?tenantId=" + UUID.randomUUID(), "application/x-ndjson").status()).isEqualTo(404);
        assertThat(api.download("/api/admin/audit/export?from=yesterday", "application/x-ndjson").status()).isEqualTo(400);
    }

    @Test
    void thePlatformExportOfARangeIsAnUnbrokenChainOfLinks() throws Exception {
        AdminApiClient api = new AdminApiClient(clients, port);
        String since = java.time.Instant.now().minusSeconds(5).toString();
        api.tenantOwner("starter");
        String jwks = api.get("/oauth2/jwks").body();

        String body = api.download("/api/admin/audit/export?from=" + since, "application/x-ndjson").body();

        JsonNode manifest = verify(body, jwks);
        assertThat(manifest.get("scope").asString()).isEqualTo("platform");
        List<JsonNode> entries = body.lines().limit(manifest.get("count").asLong()).map(JSON::readTree).toList();
        assertThat(entries).isNotEmpty();
        assertThat(entries.getFirst().get("hash").asString()).isEqualTo(manifest.get("firstHash").asString());
        assertThat(entries.getLast().get("hash").asString()).isEqualTo(manifest.get("lastHash").asString());
    }

    /** The documented offline check; returns the manifest's claims or throws {@link AssertionError} naming what failed. */
    private static JsonNode verify(String file, String jwks) throws Exception {
        byte[] bytes = file.getBytes(StandardCharsets.UTF_8);
        int manifestStart = file.lastIndexOf('\n', file.length() - 2) + 1;
        String jws = JSON.readTree(file.substring(manifestStart)).get("manifest").asString();
        JsonNode claims;
        try {
            claims = OfflineJws.verify(jws, jwks, "iusign-audit-export+json");
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage().equals("the signature does not verify") ? "the manifest's signature does not verify"
                    : e.getMessage());
        }
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Arrays.copyOf(bytes,
                file.substring(0, manifestStart).getBytes(StandardCharsets.UTF_8).length)));
        if (!digest.equals(claims.get("sha256").asString())) {
            throw new AssertionError("the entries do not match the signed SHA-256");
        }
        List<JsonNode> entries = file.substring(0, manifestStart).lines().map(JSON::readTree).toList();
        if (entries.size() != claims.get("count").asLong()) {
            throw new AssertionError("the count differs from the signed count");
        }
        if ("platform".equals(claims.get("scope").asString())) {
            for (int i = 1; i < entries.size(); i++) {
                if (!entries.get(i).get("previousHash").asString().equals(entries.get(i - 1).get("hash").asString())) {
                    throw new AssertionError("line " + (i + 1) + " does not follow line " + i + " in the chain");
                }
            }
        }
        return claims;
    }

    private static String verifyFailure(String file, String jwks) throws Exception {
        try {
            verify(file, jwks);
            return "verified";
        } catch (AssertionError e) {
            return e.getMessage();
        }
    }
}
