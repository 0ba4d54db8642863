package com.kiwoomhub.kiwoom;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/** One TR of the {@code kiwoom:} component, with its account and paging options. Producer only. */
@UriEndpoint(firstVersion = "0.1.0", scheme = "kiwoom", title = "Kiwoom TR", syntax = "kiwoom:apiId",
        category = Category.API, producerOnly = true, headersClass = KiwoomHeaders.class)
public class KiwoomEndpoint extends DefaultEndpoint {

    @UriPath(description = "The Kiwoom REST TR to call (its api-id), e.g. ka10095 or kt10000.")
    @Metadata(required = true)
    private final String apiId;
    @UriParam(description = "Alias of the account to call with; empty = the primary account.")
    private String account;
    @UriParam(defaultValue = "1", description = "Continuation pages (cont-yn/next-key) to follow at most.")
    private int maxPages = 1;
    @UriParam(description = "The array field whose rows are merged across pages; default: the first array in the answer.")
    private String listKey;
    @UriParam(enums = "ORDER,QUERY",
            description = "Rate-limit priority; default ORDER for order TRs, QUERY otherwise (orders go first when both wait).")
    private RateLimiter.Priority priority;

    KiwoomEndpoint(String uri, KiwoomComponent component, String apiId) {
        super(uri, component);
        this.apiId = apiId;
    }

    @Override
    public Producer createProducer() {
        return new KiwoomProducer(this, ((KiwoomComponent) getComponent()).client());
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("kiwoom: is a producer (to:) endpoint; it cannot start a route");
    }

    CallOptions options() {
        return new CallOptions(maxPages, listKey, null, priority, null);
    }

    public String getApiId() {
        return apiId;
    }

    public String getAccount() {
        return account;
    }

    /** Alias of the account to call with; empty = the primary account. */
    public void setAccount(String account) {
        this.account = account;
    }

    public int getMaxPages() {
        return maxPages;
    }

    /** Continuation pages to follow at most (default 1: quotes; charts pass more). */
    public void setMaxPages(int maxPages) {
        this.maxPages = maxPages;
    }

    public String getListKey() {
        return listKey;
    }

    /** The array field whose rows are merged across pages; default: the first array in the answer. */
    public void setListKey(String listKey) {
        this.listKey = listKey;
    }

    public RateLimiter.Priority getPriority() {
        return priority;
    }

    /** ORDER or QUERY; default ORDER for order TRs, QUERY otherwise. */
    public void setPriority(RateLimiter.Priority priority) {
        this.priority = priority;
    }
}
