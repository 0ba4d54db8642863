package com.kiwoomhub.canonical;

/**
 * A Kiwoom payload that cannot become a canonical record: a required value is missing or not in any
 * known Kiwoom format. The message names the source (TR or REAL type), the field and the raw value, so
 * a dead-letter reason is readable without the payload.
 */
public class KiwoomFormatException extends IllegalArgumentException {

    public KiwoomFormatException(String message) {
        super(message);
    }
}
