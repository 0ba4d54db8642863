/**
 * The built-in Kiwoom sandbox: an in-process simulator of the Kiwoom REST API on 127.0.0.1, so that
 * the hub runs and is tested with no network and no keys.
 *
 * <p>{@link com.kiwoomhub.sandbox.Sandbox} is the entry point (start, URLs, Java fault and state
 * API); {@link com.kiwoomhub.sandbox.SandboxSettings} holds the {@code kiwoom.sandbox.*} settings;
 * {@link com.kiwoomhub.sandbox.SandboxStartup} starts it when no Kiwoom keys are configured, and
 * {@link com.kiwoomhub.sandbox.SandboxMain} runs it alone. Behind the REST gateway sit the TR
 * handlers ({@code OAuthTr}, {@code QuoteTr}, {@code CandleTr}, {@code AccountTr}, {@code OrderTr}),
 * the seeded {@link com.kiwoomhub.sandbox.MarketSimulator} with its generated {@code ChartHistory},
 * and the {@code MatchingEngine} trading {@link com.kiwoomhub.sandbox.SandboxAccount}s. Real-time
 * rows leave through {@link com.kiwoomhub.sandbox.RealtimeSink}, implemented by the WebSocket side
 * in {@code sandbox.ws}.
 *
 * <p>The sandbox writes Kiwoom's formats from its own knowledge of them (docs/kiwoom-protocol.md) and shares
 * no code with the hub's Kiwoom client or translators, which read those formats.
 */
package com.kiwoomhub.sandbox;
