package com.kiwoomhub.kiwoom;

/**
 * Which configured accounts this instance may act for right now. Every Kiwoom call of an account
 * (TR, token issue, WebSocket LOGIN) asks {@link #owns} first, so an instance whose ownership may
 * have moved elsewhere stops at once; the parts that keep something running for an account (the
 * WebSocket session) follow {@link Listener#gained} and {@link Listener#lost}.
 *
 * <p>{@link #ALL} is the single instance: it owns every account, always.
 */
public interface AccountOwnership {

    /** The single instance ({@code hub.cluster.service: none}): every account is owned, always. */
    AccountOwnership ALL = new AccountOwnership() {
        @Override
        public boolean owns(String alias) {
            return true;
        }

        @Override
        public void addListener(Listener listener) {
            // Nothing ever changes hands.
        }
    };

    /** True while this instance owns the account and its lease has not lapsed. */
    boolean owns(String alias);

    /** Tells the listener of every later change; the accounts owned when it is added are not replayed. */
    void addListener(Listener listener);

    /** Told on the thread that saw the change; a listener must not block for long. */
    interface Listener {

        void gained(String alias);

        void lost(String alias);
    }
}
