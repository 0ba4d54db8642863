package com.kiwoomhub.realtime;

/** A registration would put more items on one connection than Kiwoom accepts (105115). */
public class RegistrationLimitException extends IllegalStateException {

    public RegistrationLimitException(String message) {
        super(message);
    }
}
