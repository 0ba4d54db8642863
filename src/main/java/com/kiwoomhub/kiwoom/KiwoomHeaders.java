package com.kiwoomhub.kiwoom;

import org.apache.camel.spi.Metadata;

/** Message headers of the {@code kiwoom:} component, declared for Camel's catalog and tooling. */
public final class KiwoomHeaders {

    @Metadata(label = "producer", javaType = "String",
            description = "Input: the account alias to call with; overrides the endpoint's account option. Not set on output,"
                    + " so a second kiwoom: step with its own account is not overridden by the first one's answer.")
    public static final String ACCOUNT = "KiwoomAccount";
    @Metadata(label = "producer", javaType = "Integer",
            description = "Input: continuation pages to follow at most; overrides the endpoint's maxPages option.")
    public static final String MAX_PAGES = "KiwoomMaxPages";
    @Metadata(label = "producer", javaType = "String",
            description = "Input: start from this next-key (a continuation); removed after the call.")
    public static final String CONTINUE_KEY = "KiwoomContinueKey";
    @Metadata(label = "producer", javaType = "com.kiwoomhub.kiwoom.PageWalk",
            description = "Input: told of each page as it arrives, and may stop the walk early; removed after the call.")
    public static final String PAGE_WALK = "KiwoomPageWalk";
    @Metadata(label = "producer", javaType = "String", description = "Output: the TR that answered, e.g. ka10095.")
    public static final String API_ID = "KiwoomApiId";
    @Metadata(label = "producer", javaType = "Integer", description = "Output: how many pages were read.")
    public static final String PAGES = "KiwoomPages";
    @Metadata(label = "producer", javaType = "Integer", description = "Output: rows under the list key, all pages together.")
    public static final String ROWS = "KiwoomRows";
    @Metadata(label = "producer", javaType = "Boolean", description = "Output: whether Kiwoom has more pages (cont-yn Y).")
    public static final String HAS_MORE = "KiwoomHasMore";
    @Metadata(label = "producer", javaType = "String",
            description = "Output: the next-key of the following page; set only when there is more.")
    public static final String NEXT_KEY = "KiwoomNextKey";

    private KiwoomHeaders() {
    }
}
