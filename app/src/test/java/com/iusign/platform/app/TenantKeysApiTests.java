package com.iusign.platform.app;

import com.iusign.platform.security.AdminApiClients;
import com.iusign.platform.security.TenantKeyRing;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/admin/tenants/{id}/keys}: the master key described, rotated with a reason (audited), and documents still open. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TenantKeysApiTests {

    private final AdminApiClients clients;
    private final TenantKeyRing ring;
    private final int port;

    TenantKeysApiTests(AdminApiClients clients, TenantKeyRing ring, @LocalServerPort int port) {
        this.clients = clients;
        this.ring = ring;
        this.port = port;
    }

    @Test
    void aTenantsMasterKeyIsDescribedAndRotatedWithAReasonWhileItsDocumentsKeepOpening() throws Exception {
        AdminApiClient api = new AdminApiClient(clients, port);
        AdminApiClient.TenantOwner owner = api.tenantOwner("business");
        String keys = "/api/admin/tenants/" + owner.tenantId() + "/keys";
        assertThat(api.get(keys).json().get("master").isNull()).as("no document, no key yet").isTrue();
        String link = api.sentLink(owner, "Key rotation lease", "Signer", "signer@keys.test");

        AdminApiClient.Reply described = api.get(keys);
        assertThat(described.status()).isEqualTo(200);
        assertThat(described.text("/provider")).isEqualTo("local");
        assertThat(described.text("/master/keyId")).isEqualTo("local:" + owner.tenantId());
        assertThat(described.text("/master/state")).isEqualTo("ENABLED");
        assertThat(described.json().at("/master/materialVersions").asInt()).isEqualTo(1);
        assertThat(described.json().at("/dataKeys/local-tenant").asInt()).isEqualTo(1);

        AdminApiClient.Reply withoutReason = api.post(keys + "/rotate", "{}");
        assertThat(withoutReason.status()).isEqualTo(400);
        assertThat(withoutReason.text("/errors/0/field")).isEqualTo("reason");
        assertThat(api.get(keys).json().at("/master/materialVersions").asInt()).as("nothing rotated").isEqualTo(1);

        AdminApiClient.Reply rotated = api.post(keys + "/rotate", "{\"reason\":\"Annual rotation\",\"ticket\":\"SEC-77\"}");
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        assertThat(rotated.json().get("materialVersions").asInt()).isEqualTo(2);
        assertThat(rotated.text("/lastRotatedAt")).isNotBlank();
        ring.forget(UUID.fromString(owner.tenantId()));
        HttpResponse<byte[]> document = api.anonymousBytes(link + "/document");
        assertThat(document.statusCode()).as("the document sealed before the rotation opens after it").isEqualTo(200);
        assertThat(api.get("/api/admin/audit?tenantId=" + owner.tenantId()).body())
                .contains("key.rotated").contains("Annual rotation").contains("SEC-77");

        AdminApiClient.Reply unknown = api.get("/api/admin/tenants/" + UUID.randomUUID() + "/keys");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("/type")).isEqualTo("urn:iusign:problem:not-found");
    }
}
