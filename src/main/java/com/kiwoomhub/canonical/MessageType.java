package com.kiwoomhub.canonical;

/** Every canonical message type: its {@code ce_type}, default topic and JSON Schema resource. */
public enum MessageType {
    QUOTE("kiwoom.quote.v1", "kiwoom.quotes", "quote.v1.json"),
    CANDLE("kiwoom.candle.v1", "kiwoom.candles", "candle.v1.json"),
    TRADE("kiwoom.trade.v1", "kiwoom.trades", "trade.v1.json"),
    ORDER_BOOK("kiwoom.orderbook.v1", "kiwoom.orderbooks", "orderbook.v1.json"),
    ORDER_REQUEST("kiwoom.order-request.v1", "kiwoom.order-requests", "order-request.v1.json"),
    ORDER_EVENT("kiwoom.order-event.v1", "kiwoom.order-events", "order-event.v1.json"),
    ACCOUNT_SNAPSHOT("kiwoom.account-snapshot.v1", "kiwoom.account", "account-snapshot.v1.json"),
    POSITION("kiwoom.position.v1", "kiwoom.account", "position.v1.json"),
    CONDITION_SIGNAL("kiwoom.condition-signal.v1", "kiwoom.condition-signals", "condition-signal.v1.json"),
    MARKET_STATUS("kiwoom.market-status.v1", "kiwoom.market-status", "market-status.v1.json"),
    INDEX_TICK("kiwoom.index-tick.v1", "kiwoom.indices", "index-tick.v1.json"),
    VOLATILITY_INTERRUPTION("kiwoom.volatility-interruption.v1", "kiwoom.market-events",
            "volatility-interruption.v1.json"),
    EXPECTED_TRADE("kiwoom.expected-trade.v1", "kiwoom.expected-trades", "expected-trade.v1.json"),
    PROGRAM_TRADE("kiwoom.program-trade.v1", "kiwoom.program-trades", "program-trade.v1.json"),
    STREAM_STATUS("kiwoom.stream-status.v1", "kiwoom.stream-status", "stream-status.v1.json"),
    SUBSCRIPTION_REQUEST("kiwoom.subscription-request.v1", "kiwoom.subscription-requests",
            "subscription-request.v1.json");

    /** Topic for rejected input; records keep their original key and value. */
    public static final String DEAD_LETTER_TOPIC = "kiwoom.dead-letters";

    private final String ceType;
    private final String defaultTopic;
    private final String schemaFile;

    MessageType(String ceType, String defaultTopic, String schemaFile) {
        this.ceType = ceType;
        this.defaultTopic = defaultTopic;
        this.schemaFile = schemaFile;
    }

    public String ceType() {
        return ceType;
    }

    /** Default topic name (without the configurable prefix). */
    public String defaultTopic() {
        return defaultTopic;
    }

    /** Classpath resource of the JSON Schema, e.g. {@code /schemas/quote.v1.json}. */
    public String schemaResource() {
        return "/schemas/" + schemaFile;
    }
}
