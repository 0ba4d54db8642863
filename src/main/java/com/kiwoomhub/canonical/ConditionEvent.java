package com.kiwoomhub.canonical;

/** How a symbol relates to a condition (조건검색). */
public enum ConditionEvent {
    /** Listed by a normal search (CNSRREQ search_type 0, or the initial list of search_type 1). */
    MATCH,
    /** Real-time alert {@code 843=I}: the symbol started to satisfy the condition. */
    ENTER,
    /** Real-time alert {@code 843=D}: the symbol stopped satisfying the condition. */
    EXIT
}
