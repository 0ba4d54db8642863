package com.kiwoomhub.kiwoom;

/**
 * An order request that may have reached Kiwoom but got no usable answer (timeout after sending,
 * HTTP 5xx, connection reset). It is never retried: the order flow must reconcile (open orders,
 * executions) before deciding whether to send again.
 */
public class KiwoomAmbiguousOrderException extends KiwoomException {

    private final KiwoomError cause;

    public KiwoomAmbiguousOrderException(String account, KiwoomError cause, Throwable exception) {
        super(account, KiwoomError.local(KiwoomErrorCategory.AMBIGUOUS_ORDER, cause.code(), cause.text(), cause.apiId()),
                "Kiwoom " + cause.apiId() + " for account '" + account + "' has an unknown outcome ("
                        + cause.category() + " " + cause.code() + "): the order may have been placed; "
                        + "reconcile before sending it again", exception);
        this.cause = cause;
    }

    /** The failure that made the outcome unknown (SERVER or TRANSPORT). */
    public KiwoomError underlying() {
        return cause;
    }
}
