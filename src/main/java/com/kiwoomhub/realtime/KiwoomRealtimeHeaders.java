package com.kiwoomhub.realtime;

import org.apache.camel.spi.Metadata;

/** Message headers of the {@code kiwoom-realtime:} component, declared for Camel's catalog and tooling. */
public final class KiwoomRealtimeHeaders {

    /** Consumer: the frame's trnm ({@code REAL}, {@code REG}, {@code CNSRREQ}, {@code SYSTEM} ...). */
    @Metadata(label = "consumer", javaType = "String", description = "The frame's trnm (REAL, REG, CNSRREQ, SYSTEM ...).")
    public static final String TRNM = "KiwoomTrnm";
    /** Consumer: the account alias the session belongs to. */
    @Metadata(label = "common", javaType = "String", description = "Consumer: the account alias the session belongs to. Producer on kiwoom-realtime:*: the session to write to.")
    public static final String ACCOUNT = "KiwoomAccount";
    /** Consumer: when the frame was received, epoch milliseconds (long). */
    @Metadata(label = "consumer", javaType = "long", description = "When the frame was received, epoch milliseconds.")
    public static final String RECEIVED_AT = "KiwoomReceivedAt";
    /**
     * Consumer, an exchange property: the frame already parsed ({@code JsonNode}, read-only), so the
     * route need not parse the body again.
     */
    @Metadata(label = "consumer", javaType = "com.fasterxml.jackson.databind.JsonNode", description = "An exchange property, not a header: the frame already parsed (read-only), so the route need not parse the body again.")
    public static final String FRAME_TREE = "KiwoomFrameTree";
    /** Producer: {@code SUBSCRIBE} or {@code UNSUBSCRIBE}; absent means "send the body as a control frame". */
    @Metadata(label = "producer", javaType = "String", description = "SUBSCRIBE or UNSUBSCRIBE; absent means: send the body as a control frame.")
    public static final String OPERATION = "KiwoomOperation";
    /** Producer: real-time types for SUBSCRIBE/UNSUBSCRIBE, a comma list or a collection ({@code 0B,0D}). */
    @Metadata(label = "producer", javaType = "String", description = "Real-time types for SUBSCRIBE/UNSUBSCRIBE, a comma list or a collection (0B,0D).")
    public static final String TYPES = "KiwoomTypes";
    /** Producer: items for SUBSCRIBE/UNSUBSCRIBE, a comma list or a collection; {@code ""} for account-wide types. */
    @Metadata(label = "producer", javaType = "String", description = "Items for SUBSCRIBE/UNSUBSCRIBE, a comma list or a collection; empty for account-wide types.")
    public static final String ITEMS = "KiwoomItems";
    /** Producer: the registration group ({@code grp_no}); default {@code 1}. */
    @Metadata(label = "producer", javaType = "String", description = "The registration group (grp_no); default 1.")
    public static final String GROUP = "KiwoomGroup";

    private KiwoomRealtimeHeaders() {
    }
}
