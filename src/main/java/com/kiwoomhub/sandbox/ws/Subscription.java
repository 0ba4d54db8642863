package com.kiwoomhub.sandbox.ws;

/** One registered (type, item) pair; item {@code ""} means account-wide or market-wide. */
record Subscription(String type, String item) {
}
