package com.kiwoomhub.kiwoom;

import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Sends the message body as the TR request and replaces it with the answer.
 *
 * <p>In: body = request JSON (a {@code Map}, a {@code JsonNode}, a JSON string; empty = {@code {}}).
 * Out: body = the answer as a Jackson {@link JsonNode} with the rows of every page under the list
 * key. Headers in and out: {@link KiwoomHeaders}. Failures are {@link KiwoomException}s.
 */
public class KiwoomProducer extends DefaultProducer {

    private final KiwoomEndpoint endpoint;
    private final KiwoomClient client;

    KiwoomProducer(KiwoomEndpoint endpoint, KiwoomClient client) {
        super(endpoint);
        this.endpoint = endpoint;
        this.client = client;
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getMessage();
        CallOptions options = endpoint.options();
        Integer maxPages = in.getHeader(KiwoomHeaders.MAX_PAGES, Integer.class);
        if (maxPages != null) {
            options = options.withMaxPages(maxPages);
        }
        options = options.continueFrom(in.getHeader(KiwoomHeaders.CONTINUE_KEY, String.class))
                .walkedBy(in.getHeader(KiwoomHeaders.PAGE_WALK, PageWalk.class));
        String account = in.getHeader(KiwoomHeaders.ACCOUNT, endpoint.getAccount(), String.class);
        Object body = in.getBody();
        if (!(body == null || body instanceof Map || body instanceof JsonNode || body instanceof CharSequence)) {
            body = in.getBody(String.class);
        }

        TrResponse response = client.call(account, endpoint.getApiId(), body, options);

        in.removeHeader(KiwoomHeaders.CONTINUE_KEY);
        in.removeHeader(KiwoomHeaders.PAGE_WALK);
        in.setBody(response.body());
        in.setHeader(KiwoomHeaders.API_ID, response.apiId());
        in.setHeader(KiwoomHeaders.PAGES, response.pages().size());
        in.setHeader(KiwoomHeaders.ROWS, response.rows().size());
        in.setHeader(KiwoomHeaders.HAS_MORE, response.hasMore());
        if (response.hasMore()) {
            in.setHeader(KiwoomHeaders.NEXT_KEY, response.nextKey());
        } else {
            in.removeHeader(KiwoomHeaders.NEXT_KEY);
        }
    }
}
