package com.kiwoomhub.canonical;

/** What an {@link OrderRequest} asks for: a new order, or a change to an existing one. */
public enum OrderAction {
    NEW,
    MODIFY,
    CANCEL
}
