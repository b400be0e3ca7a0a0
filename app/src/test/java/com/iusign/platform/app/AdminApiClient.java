package com.iusign.platform.app;

import com.iusign.platform.security.AdminApiClients;
import com.iusign.platform.security.RegisteredApiClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.UUID;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A script's view of the admin API over real HTTP: registers a client, gets a token, sends JSON. */
public final class AdminApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;
    private final String token;
    final String clientId;

    public AdminApiClient(AdminApiClients clients, int port) throws IOException, InterruptedException {
        this(clients, port, "test@iusign.test");
    }

    /** A client registered by {@code registeredBy}: four-eyes decisions see it as that SuperAdmin. */
    AdminApiClient(AdminApiClients clients, int port, String registeredBy) throws IOException, InterruptedException {
        this(port, clients.register("Test script", registeredBy));
    }

    private AdminApiClient(int port, RegisteredApiClient client) throws IOException, InterruptedException {
        this(port, client.client().clientId(), client.secret());
    }

    /** A client whose credentials are known already (the bootstrap client of an instance in another process). */
    public AdminApiClient(int port, String clientId, String secret) throws IOException, InterruptedException {
        this.port = port;
        this.clientId = clientId;
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/oauth2/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Token endpoint answered " + response.statusCode() + ": " + response.body());
        }
        this.token = JSON.readTree(response.body()).get("access_token").asString();
    }

    String token() {
        return token;
    }

    public Reply get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public Reply download(String path, String accept) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).GET().header("Authorization", "Bearer " + token)
                .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), null, response.body());
    }

    public Reply post(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply patch(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A call with another bearer token (a tenant user's), or none when {@code bearer} is null. */
    public Reply as(String bearer, String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").header("Accept", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Location").orElse(null), response.body());
    }

    /** A multipart/form-data POST with text fields and one file part named {@code document} (skipped when null). */
    public Reply multipart(String bearer, String path, java.util.Map<String, String> fields, String fileName, byte[] file)
            throws IOException, InterruptedException {
        String boundary = "iusign-" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + value + "\r\n").getBytes(utf8)));
        if (file != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"document\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(utf8));
            body.writeBytes(file);
            body.writeBytes("\r\n".getBytes(utf8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(utf8));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Location").orElse(null), response.body());
    }

    /** A GET with a tenant user's bearer token, answered whole (status, headers, body). */
    HttpResponse<String> getAs(String bearer, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().header("Authorization", "Bearer " + bearer)
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET without credentials whose body is kept as bytes (documents). */
    HttpResponse<byte[]> anonymousBytes(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Provisions a tenant on {@code plan}, activates its owner and signs in: the owner's access token. */
    public TenantOwner tenantOwner(String plan) throws IOException, InterruptedException {
        String slug = com.iusign.testfixtures.TestTenants.slug("t");
        String email = "owner@" + slug + ".test";
        String password = "owner password " + slug;
        Reply provisioned = post("/api/admin/tenants", """
                {"name":"Tenant %s","slug":"%s","plan":"%s","ownerEmail":"%s"}""".formatted(slug, slug, plan, email));
        if (provisioned.status() != 201) {
            throw new IllegalStateException(provisioned.body());
        }
        as(null, "POST", "/api/v1/auth/activate", """
                {"token":"%s","password":"%s"}""".formatted(provisioned.text("/ownerActivationToken"), password));
        Reply session = as(null, "POST", "/api/v1/auth/token", """
                {"tenant":"%s","email":"%s","password":"%s"}""".formatted(slug, email, password));
        return new TenantOwner(provisioned.text("/id"), slug, session.text("/access_token"), email, password);
    }

    /** Creates an envelope for one recipient with a one-page PDF, sends it and returns its public signing-link path. */
    public String sentLink(TenantOwner owner, String title, String recipientName, String recipientEmail) throws IOException, InterruptedException {
        Reply created = multipart(owner.accessToken(), "/api/v1/envelopes", java.util.Map.of("title", title,
                "recipients", "[{\"name\":\"%s\",\"email\":\"%s\"}]".formatted(recipientName, recipientEmail)),
                "document.pdf", com.iusign.platform.signing.SamplePdf.withText(title));
        String url = as(owner.accessToken(), "POST", "/api/v1/envelopes/" + created.text("/id") + "/send", null).text("/links/0/url");
        return "/api/public/signing/" + url.substring(url.lastIndexOf('/') + 1);
    }

    public record TenantOwner(String tenantId, String slug, String accessToken, String email, String password) {
    }

    private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Location").orElse(null), response.body());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public record Reply(int status, String contentType, String location, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String text(String pointer) {
            return json().at(pointer).asString();
        }
    }
}
