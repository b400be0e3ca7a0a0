package com.iusign.platform.app;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * An HTTP client that connects from one loopback address of its own (127.0.0.x: all of 127/8 is
 * this machine), so that tests can play several clients — an attacker, a victim, a bystander — whose
 * addresses the platform tells apart.
 */
final class LoopbackClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final int port;

    LoopbackClient(int port, String address) throws IOException {
        this.port = port;
        this.http = HttpClient.newBuilder().localAddress(InetAddress.getByName(address))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    record Answer(int status, HttpHeaders headers, String body) {

        String text(String pointer) {
            return JSON.readTree(body).at(pointer).asString();
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    Answer post(String path, String json, String... headers) throws IOException, InterruptedException {
        return send(request(path, headers).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer postForm(String path, String form, String... headers) throws IOException, InterruptedException {
        return send(request(path, headers).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    Answer get(String path, String... headers) throws IOException, InterruptedException {
        return send(request(path, headers).GET());
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", "application/json");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers(), response.body());
    }
}
