package com.kiwoomhub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point: Camel routes from {@code routes/}, Kafka and Kiwoom chosen by the startup wiring. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KiwoomHubApplication {

    public static void main(String[] args) {
        SpringApplication.run(KiwoomHubApplication.class, args);
    }
}
