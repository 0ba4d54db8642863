package com.kiwoomhub.realtime;

/** Message headers of the {@code kiwoom-realtime:} component. */
public final class KiwoomRealtimeHeaders {

    /** Consumer: the frame's trnm ({@code REAL}, {@code REG}, {@code CNSRREQ}, {@code SYSTEM} ...). */
    public static final String TRNM = "KiwoomTrnm";
    /** Consumer: the account alias the session belongs to. */
    public static final String ACCOUNT = "KiwoomAccount";
    /** Consumer: when the frame was received, epoch milliseconds (long). */
    public static final String RECEIVED_AT = "KiwoomReceivedAt";
    /**
     * Consumer, an exchange property: the frame already parsed ({@code JsonNode}, read-only), so the
     * route need not parse the body again.
     */
    public static final String FRAME_TREE = "KiwoomFrameTree";
    /** Producer: {@code SUBSCRIBE} or {@code UNSUBSCRIBE}; absent means "send the body as a control frame". */
    public static final String OPERATION = "KiwoomOperation";
    /** Producer: real-time types for SUBSCRIBE/UNSUBSCRIBE, a comma list or a collection ({@code 0B,0D}). */
    public static final String TYPES = "KiwoomTypes";
    /** Producer: items for SUBSCRIBE/UNSUBSCRIBE, a comma list or a collection; {@code ""} for account-wide types. */
    public static final String ITEMS = "KiwoomItems";
    /** Producer: the registration group ({@code grp_no}); default {@code 1}. */
    public static final String GROUP = "KiwoomGroup";

    private KiwoomRealtimeHeaders() {
    }
}
