package com.kiwoomhub.startup;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

import com.kiwoomhub.KiwoomHubApplication;

/** A broken route file at startup stops the hub at once, naming the file and the reason. */
class BrokenRouteAtStartupTest {

    @Test
    void brokenRouteFileFailsStartupWithItsName(@TempDir Path routes) throws Exception {
        Files.writeString(routes.resolve("quotes.camel.yaml"), """
                - route:
                    id: quotes
                    from:
                      uri: timer:quotes
                      steps:
                        - sendTo: kafka:nowhere
                """);
        SpringApplicationBuilder app = new SpringApplicationBuilder(KiwoomHubApplication.class);

        assertThatThrownBy(() -> app.run(
                "--camel.main.routes-include-pattern=file:" + routes + "/*.camel.yaml",
                "--camel.main.routes-reload-directory=" + routes,
                "--kafka.bootstrap-servers=127.0.0.1:9",
                "--kiwoom.sandbox.enabled=false",
                "--server.port=0").close())
                .rootCause()
                .hasMessageContaining("quotes.camel.yaml")
                .hasMessageContaining("sendTo");
    }
}
