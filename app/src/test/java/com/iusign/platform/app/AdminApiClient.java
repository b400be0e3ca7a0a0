package com.iusign.platform.app;

import com.iusign.platform.security.AdminApiClients;
import com.iusign.platform.security.RegisteredApiClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A script's view of the admin API over real HTTP: registers a client, gets a token, sends JSON. */
final class AdminApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;
    private final String token;
    final String clientId;

    AdminApiClient(AdminApiClients clients, int port) throws IOException, InterruptedException {
        this.port = port;
        RegisteredApiClient client = clients.register("Test script", "test@iusign.test");
        this.clientId = client.client().clientId();
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + client.secret()).getBytes(StandardCharsets.UTF_8));
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

    Reply get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Reply download(String path, String accept) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).GET().header("Authorization", "Bearer " + token)
                .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), null, response.body());
    }

    Reply post(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply patch(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A call with another bearer token (a tenant user's), or none when {@code bearer} is null. */
    Reply as(String bearer, String method, String path, String json) throws IOException, InterruptedException {
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

    private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Location").orElse(null), response.body());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    record Reply(int status, String contentType, String location, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        String text(String pointer) {
            return json().at(pointer).asString();
        }
    }
}
