package com.kiwoomhub.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A bare Kiwoom REST client for the conformance tests: plain HttpClient and JSON, no hub code. */
final class RestTestClient {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One answer: HTTP status, the pagination headers and the JSON body. */
    record Answer(int status, String apiId, String contYn, String nextKey, JsonNode body, String raw) {
        int returnCode() {
            return body.path("return_code").asInt(-1);
        }

        String returnMessage() {
            return body.path("return_msg").asText();
        }

        String text(String field) {
            return body.path(field).asText();
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String baseUrl;
    private String token;

    RestTestClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    RestTestClient(Sandbox sandbox) {
        this(sandbox.baseUrl());
    }

    /** Issues a token with the demo keys and uses it for later calls. */
    RestTestClient login() {
        return login(SandboxSettings.DEMO.appKey(), SandboxSettings.DEMO.secretKey());
    }

    RestTestClient login(String appKey, String secretKey) {
        Answer answer = post("/oauth2/token", null, Map.of("grant_type", "client_credentials", "appkey", appKey,
                "secretkey", secretKey), Map.of());
        token = answer.text("token");
        if (token.isEmpty()) {
            throw new IllegalStateException("login failed: " + answer.raw());
        }
        return this;
    }

    String token() {
        return token;
    }

    Answer call(String path, String apiId, Map<String, ?> body) {
        return post(path, apiId, body, Map.of("authorization", "Bearer " + token));
    }

    Answer next(String path, String apiId, Map<String, ?> body, Answer previous) {
        return post(path, apiId, body, Map.of("authorization", "Bearer " + token, "cont-yn", "Y",
                "next-key", previous.nextKey()));
    }

    Answer post(String path, String apiId, Map<String, ?> body, Map<String, String> headers) {
        return send(path, apiId, body, headers, Duration.ofSeconds(5));
    }

    Answer send(String path, String apiId, Map<String, ?> body, Map<String, String> headers, Duration timeout) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                    .header("Content-Type", "application/json;charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
            if (apiId != null) {
                request.header("api-id", apiId);
            }
            headers.forEach(request::header);
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode json;
            try {
                json = JSON.readTree(response.body());
            } catch (IOException notJson) {
                json = JSON.createObjectNode();
            }
            return new Answer(response.statusCode(), response.headers().firstValue("api-id").orElse(null),
                    response.headers().firstValue("cont-yn").orElse(null),
                    response.headers().firstValue("next-key").orElse(null), json, response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> body(String... keyValues) {
        Map<String, String> body = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            body.put(keyValues[i], keyValues[i + 1]);
        }
        return body;
    }
}
