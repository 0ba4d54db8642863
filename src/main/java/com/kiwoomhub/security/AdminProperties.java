package com.kiwoomhub.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code hub.admin.*}: who may change the hub over HTTP.
 *
 * @param token bearer token of every mutating operation; blank = those operations are refused (403)
 * @param openEndpoints actuator endpoints anyone may read (GET/HEAD) without the token
 * @param maxRequestBody largest request body the HTTP port takes; larger ones get 413 before they are read
 */
@ConfigurationProperties("hub.admin")
public record AdminProperties(String token,
                              @DefaultValue({"health", "info", "metrics", "prometheus", "camelroutes"}) List<String> openEndpoints,
                              @DefaultValue("64KB") DataSize maxRequestBody) {

    public AdminProperties {
        if (maxRequestBody.toBytes() < 1) {
            throw new IllegalArgumentException("hub.admin.max-request-body must be positive, got " + maxRequestBody);
        }
    }

    @Override
    public String toString() {
        return "AdminProperties[token=" + (token == null || token.isBlank() ? "none" : "******") + ", openEndpoints="
                + openEndpoints + ", maxRequestBody=" + maxRequestBody + "]";
    }
}
