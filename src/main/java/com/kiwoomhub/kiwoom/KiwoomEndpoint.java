package com.kiwoomhub.kiwoom;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/** One TR of the {@code kiwoom:} component, with its account and paging options. Producer only. */
public class KiwoomEndpoint extends DefaultEndpoint {

    private final String apiId;
    private String account;
    private int maxPages = 1;
    private String listKey;
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
