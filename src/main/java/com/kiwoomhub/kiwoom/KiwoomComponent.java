package com.kiwoomhub.kiwoom;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * {@code kiwoom:<api-id>[?account=alias&maxPages=n&listKey=field&priority=order|query]}: calls one
 * Kiwoom REST TR through {@link KiwoomClient}. See {@link KiwoomProducer} for the message contract.
 */
public class KiwoomComponent extends DefaultComponent {

    private final KiwoomClient client;

    public KiwoomComponent(KiwoomClient client) {
        this.client = client;
    }

    KiwoomClient client() {
        return client;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        TrGroup.of(remaining); // an unknown api-id fails when the route starts, not on its first message
        KiwoomEndpoint endpoint = new KiwoomEndpoint(uri, this, remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
