package com.kiwoomhub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import com.kiwoomhub.orders.OrderFlowHub;
import com.kiwoomhub.sandbox.SandboxSettings;

/** The HTTP control surface of a hub with an admin token: who may change what, body limits, masked secrets. */
class ControlSurfaceTest extends OrderFlowHub {

    private static final long HUNDRED_MB = 100L * 1024 * 1024;

    @Autowired
    TestRestTemplate http;
    @LocalServerPort
    int port;

    @Test
    void theKillSwitchChangesOnlyWithTheAdminToken() {
        ResponseEntity<String> anonymous = killSwitch(null);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer realm=\"kiwoom-hub\"");
        assertThat(anonymous.getHeaders().get(HttpHeaders.SET_COOKIE)).as("stateless").isNull();
        assertThat(killSwitch("wrong-token").getStatusCode().value()).isEqualTo(401);
        assertThat(killSwitch(ADMIN_TOKEN + "x").getStatusCode().value()).isEqualTo(401);
        assertThat(read("/actuator/orderkillswitch", null).getStatusCode().value()).isEqualTo(401);

        ResponseEntity<String> admin = killSwitch(ADMIN_TOKEN);
        assertThat(admin.getStatusCode().value()).isEqualTo(200);
        assertThat(admin.getBody()).isEqualTo("{\"on\":false}");
        assertThat(read("/actuator/orderkillswitch", ADMIN_TOKEN).getBody()).isEqualTo("{\"on\":false}");
    }

    @Test
    void healthInfoAndPrometheusStayOpen() {
        assertThat(read("/actuator/health", null).getStatusCode().value()).isEqualTo(200);
        assertThat(read("/actuator/info", null).getStatusCode().value()).isEqualTo(200);
        assertThat(read("/actuator/prometheus", null).getStatusCode().value()).isEqualTo(200);
        assertThat(read("/actuator/env", null).getStatusCode().value()).as("env needs the token").isEqualTo(401);
    }

    @Test
    void envAndConfigpropsShowNoSecretEvenWithShowValuesAlways() {
        String env = read("/actuator/env", ADMIN_TOKEN).getBody();
        String configprops = read("/actuator/configprops", ADMIN_TOKEN).getBody();
        assertThat(env).as("show-values=always is in effect").contains("\"kiwoom.orders.risk.blocked-symbols\"")
                .contains("\"value\":\"000660\"").contains("\"kiwoom.app-key\"").contains("\"hub.admin.token\"");
        assertThat(configprops).contains("\"maxQuantity\":5000");
        for (String body : new String[] {env, configprops}) {
            assertThat(body).doesNotContain(SandboxSettings.DEMO.appKey()).doesNotContain(SandboxSettings.DEMO.secretKey())
                    .doesNotContain(ADMIN_TOKEN).contains("\"******\"");
        }
    }

    @Test
    void aHundredMegabyteBodyIsRefusedBeforeItIsRead() throws IOException {
        String declared = "POST /actuator/orderkillswitch HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + ADMIN_TOKEN
                + "\r\nContent-Type: application/json\r\nContent-Length: " + HUNDRED_MB + "\r\n\r\n";
        assertThat(post(declared, false)).startsWith("HTTP/1.1 413");

        String streamed = "POST /actuator/orderkillswitch HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + ADMIN_TOKEN
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
        assertThat(post(streamed, true)).startsWith("HTTP/1.1 413");

        assertThat(read("/actuator/health", null).getStatusCode().value()).isEqualTo(200);
        HttpHeaders admin = bearer(ADMIN_TOKEN);
        admin.set(HttpHeaders.TRANSFER_ENCODING, "chunked");
        assertThat(http.exchange("/actuator/orderkillswitch", HttpMethod.POST, new HttpEntity<>("{\"on\":false}", json(admin)),
                String.class).getBody()).as("a small streamed body still goes through").isEqualTo("{\"on\":false}");
    }

    /**
     * Sends the request head, then up to 100 MB of body in 64 KB pieces (the same buffer again and again, so
     * the test holds none of it) until the hub answers; returns the status line.
     */
    private String post(String head, boolean chunked) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            byte[] piece = new byte[64 * 1024];
            java.util.Arrays.fill(piece, (byte) ' ');
            byte[] chunkHead = (Integer.toHexString(piece.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            try {
                for (long sent = 0; sent < HUNDRED_MB && in.available() == 0; sent += piece.length) {
                    if (chunked) {
                        out.write(chunkHead);
                    }
                    out.write(piece);
                    if (chunked) {
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.flush();
                }
            } catch (IOException closedByTheHub) {
                // the hub answered and closed the connection while the body was still coming
            }
            StringBuilder status = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0 && c != '\r') {
                status.append((char) c);
            }
            return status.toString();
        }
    }

    private ResponseEntity<String> killSwitch(String token) {
        return http.exchange("/actuator/orderkillswitch", HttpMethod.POST, new HttpEntity<>(Map.of("on", false), bearer(token)),
                String.class);
    }

    private ResponseEntity<String> read(String path, String token) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(bearer(token)), String.class);
    }

    private static HttpHeaders bearer(String token) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        return headers;
    }

    private static HttpHeaders json(HttpHeaders headers) {
        headers.set(HttpHeaders.CONTENT_TYPE, "application/json");
        return headers;
    }
}
