package com.kiwoomhub.kiwoom;

import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Sends the message body as the TR request and replaces it with the answer.
 *
 * <p>In: body = request JSON (a {@code Map}, a {@code JsonNode}, a JSON string; empty = {@code {}});
 * headers {@value #ACCOUNT} (overrides the endpoint's account), {@value #MAX_PAGES} (overrides
 * maxPages), {@value #CONTINUE_KEY} (start from this next-key) and {@value #PAGE_WALK} (a
 * {@link PageWalk} told of each page that may stop the walk early); the last two are removed after the call.
 * Out: body = the answer as a Jackson {@link JsonNode} with the rows of every page under the list
 * key; headers {@value #API_ID}, {@value #PAGES}, {@value #ROWS}, {@value #HAS_MORE} and
 * {@value #NEXT_KEY} (set only when there is more). Failures are {@link KiwoomException}s.
 * {@value #ACCOUNT} is input only, so that a second {@code kiwoom:} step with its own
 * {@code account=} is not overridden by the first one's answer.
 */
public class KiwoomProducer extends DefaultProducer {

    public static final String ACCOUNT = "KiwoomAccount";
    public static final String MAX_PAGES = "KiwoomMaxPages";
    public static final String CONTINUE_KEY = "KiwoomContinueKey";
    public static final String PAGE_WALK = "KiwoomPageWalk";
    public static final String API_ID = "KiwoomApiId";
    public static final String PAGES = "KiwoomPages";
    public static final String ROWS = "KiwoomRows";
    public static final String HAS_MORE = "KiwoomHasMore";
    public static final String NEXT_KEY = "KiwoomNextKey";

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
        Integer maxPages = in.getHeader(MAX_PAGES, Integer.class);
        if (maxPages != null) {
            options = options.withMaxPages(maxPages);
        }
        options = options.continueFrom(in.getHeader(CONTINUE_KEY, String.class))
                .walkedBy(in.getHeader(PAGE_WALK, PageWalk.class));
        String account = in.getHeader(ACCOUNT, endpoint.getAccount(), String.class);
        Object body = in.getBody();
        if (!(body == null || body instanceof Map || body instanceof JsonNode || body instanceof CharSequence)) {
            body = in.getBody(String.class);
        }

        TrResponse response = client.call(account, endpoint.getApiId(), body, options);

        in.removeHeader(CONTINUE_KEY);
        in.removeHeader(PAGE_WALK);
        in.setBody(response.body());
        in.setHeader(API_ID, response.apiId());
        in.setHeader(PAGES, response.pages().size());
        in.setHeader(ROWS, response.rows().size());
        in.setHeader(HAS_MORE, response.hasMore());
        if (response.hasMore()) {
            in.setHeader(NEXT_KEY, response.nextKey());
        } else {
            in.removeHeader(NEXT_KEY);
        }
    }
}
