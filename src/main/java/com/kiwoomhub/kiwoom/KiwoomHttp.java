package com.kiwoomhub.kiwoom;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The HTTP leg of every Kiwoom call, on the JDK client: no extra dependency, a per-request timeout,
 * POSTs are never retried by the client itself, and connect failures are distinct exception types,
 * which is what tells "surely not sent" from "maybe sent" for orders.
 */
public final class KiwoomHttp {

    static final String JSON = "application/json;charset=UTF-8";

    /** An HTTP answer; header lookup is case-insensitive as in the JDK client. */
    public record Reply(int status, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }
    }

    private final HttpClient client;
    private final Duration requestTimeout;

    public KiwoomHttp(Duration connectTimeout, Duration requestTimeout) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
        this.requestTimeout = requestTimeout;
    }

    public Reply post(String url, Map<String, String> headers, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(requestTimeout)
                .header("Content-Type", JSON)
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(response.statusCode(), response.headers().map(), response.body());
    }

    /** True when the request cannot have reached the server: no connection was ever made. */
    static boolean surelyNotSent(IOException e) {
        return e instanceof HttpConnectTimeoutException || e instanceof ConnectException
                || e.getCause() instanceof UnresolvedAddressException;
    }
}
