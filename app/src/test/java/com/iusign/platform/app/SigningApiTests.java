package com.iusign.platform.app;

import com.iusign.platform.security.AdminApiClients;
import com.iusign.platform.signing.SamplePdf;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The envelope and public signing APIs over real HTTP: the contract, suspension reaching links, isolation and refusals. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SigningApiTests {

    private static final String RECIPIENTS = "[{\"name\":\"Ada Lovelace\",\"email\":\"ada@example.test\"}]";

    private final AdminApiClients clients;
    private final int port;
    private AdminApiClient api;
    private AdminApiClient.TenantOwner owner;

    SigningApiTests(AdminApiClients clients, @LocalServerPort int port) {
        this.clients = clients;
        this.port = port;
    }

    @BeforeEach
    void tenantOwner() throws Exception {
        api = new AdminApiClient(clients, port);
        owner = api.tenantOwner("business");
    }

    @Test
    void createSendOpenReadAndSignAndSuspensionReachesTheLinkWithoutRewritingIt() throws Exception {
        byte[] pdf = SamplePdf.withText("Services agreement");
        var created = create(owner, "Services agreement", RECIPIENTS, pdf);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.text("/status")).isEqualTo("DRAFT");
        String id = created.text("/id");
        assertThat(api.as(owner.accessToken(), "GET", "/api/v1/envelopes/" + id, null).text("/title")).isEqualTo("Services agreement");
        assertThat(api.as(owner.accessToken(), "GET", "/api/v1/envelopes?size=5", null).text("/items/0/id")).isEqualTo(id);

        var sent = api.as(owner.accessToken(), "POST", "/api/v1/envelopes/" + id + "/send", null);
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.text("/links/0/recipientEmail")).isEqualTo("ada@example.test");
        assertThat(sent.text("/links/0/expiresAt")).isNotBlank();
        String url = sent.text("/links/0/url");
        assertThat(url).contains("/sign/");
        String link = "/api/public/signing/" + url.substring(url.lastIndexOf('/') + 1);

        var opened = api.as(null, "GET", link, null);
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.text("/envelopeTitle")).isEqualTo("Services agreement");
        assertThat(opened.text("/recipientName")).isEqualTo("Ada Lovelace");
        HttpResponse<byte[]> document = api.anonymousBytes(link + "/document");
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(document.body()).isEqualTo(pdf);

        api.post("/api/admin/tenants/" + owner.tenantId() + "/suspend", "{\"reason\":\"Chargeback investigation\"}");
        for (var reply : new AdminApiClient.Reply[] {api.as(null, "GET", link, null), api.as(null, "POST", link + "/sign", "{\"typedName\":\"Ada\"}")}) {
            assertThat(reply.status()).isEqualTo(423);
            assertThat(reply.text("/type")).isEqualTo("urn:iusign:problem:tenant-suspended");
        }
        HttpResponse<byte[]> withheld = api.anonymousBytes(link + "/document");
        assertThat(withheld.statusCode()).isEqualTo(423);
        assertThat(new String(withheld.body())).doesNotContain("%PDF");

        api.post("/api/admin/tenants/" + owner.tenantId() + "/reactivate", "{\"reason\":\"Cleared\"}");
        var signed = api.as(null, "POST", link + "/sign", "{\"typedName\":\"Ada Lovelace\"}");
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        assertThat(signed.text("/status")).isEqualTo("COMPLETED");
        var twice = api.as(null, "POST", link + "/sign", "{\"typedName\":\"Ada Lovelace\"}");
        assertThat(twice.status()).isEqualTo(409);

        api.post("/api/admin/tenants/" + owner.tenantId() + "/deactivate", "{\"reason\":\"Contract ended\"}");
        assertThat(api.as(null, "GET", link, null).status()).isEqualTo(410);
        assertThat(api.as(null, "GET", "/api/public/signing/not-a-real-token", null).status()).isEqualTo(404);
    }

    @Test
    void anotherTenantsEnvelopeIsNotFoundOnEveryEndpointAndStaysUnchanged() throws Exception {
        AdminApiClient.TenantOwner other = api.tenantOwner("business");
        String theirs = create(other, "Theirs", RECIPIENTS, SamplePdf.withText("theirs")).text("/id");
        for (String[] call : new String[][] {{"GET", ""}, {"POST", "/send"}, {"POST", "/void"}}) {
            var reply = api.as(owner.accessToken(), call[0], "/api/v1/envelopes/" + theirs + call[1], call[1].equals("/void") ? "{\"reason\":\"x\"}" : null);
            assertThat(reply.status()).as(call[0] + " " + call[1]).isEqualTo(404);
            assertThat(reply.body()).doesNotContain("Theirs");
        }
        assertThat(api.as(owner.accessToken(), "GET", "/api/v1/envelopes", null).body()).doesNotContain(theirs);
        var still = api.as(other.accessToken(), "GET", "/api/v1/envelopes/" + theirs, null);
        assertThat(still.text("/status")).isEqualTo("DRAFT");
    }

    @Test
    void badUploadsAreRefusedNamingTheFieldAndCreateNothing() throws Exception {
        byte[] pdf = SamplePdf.withText("ok");
        assertRefused(create(owner, "Not a PDF", RECIPIENTS, "just text".getBytes()), 400, "document");
        assertRefused(create(owner, "No recipients", "[]", pdf), 400, "recipients");
        assertRefused(create(owner, "Bad e-mail", "[{\"name\":\"A\",\"email\":\"nope\"}]", pdf), 400, "recipients[0].email");
        assertRefused(create(owner, "Not JSON", "{name:", pdf), 400, "recipients");
        assertRefused(create(owner, "", RECIPIENTS, null), 400, "title");
        assertRefused(create(owner, "Too big", RECIPIENTS, Arrays.copyOf(pdf, 10 * 1024 * 1024 + 10)), 413, "document");
        assertThat(api.as(owner.accessToken(), "GET", "/api/v1/envelopes", null).json().get("items").size()).isZero();

        String id = create(owner, "To void", RECIPIENTS, pdf).text("/id");
        assertRefused(api.as(owner.accessToken(), "POST", "/api/v1/envelopes/" + id + "/void", "{}"), 400, "reason");
        assertThat(api.as(null, "GET", "/api/v1/envelopes", null).status()).as("no token").isEqualTo(401);
    }

    private AdminApiClient.Reply create(AdminApiClient.TenantOwner who, String title, String recipients, byte[] pdf) throws Exception {
        return api.multipart(who.accessToken(), "/api/v1/envelopes", Map.of("title", title, "recipients", recipients), "contract.pdf", pdf);
    }

    private static void assertRefused(AdminApiClient.Reply reply, int status, String field) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body()).contains("\"field\":\"" + field + "\"");
    }
}
