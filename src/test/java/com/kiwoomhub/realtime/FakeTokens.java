package com.kiwoomhub.realtime;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.kiwoomhub.kiwoom.KiwoomAccount;
import com.kiwoomhub.kiwoom.SessionTokens;

/** Tokens token-1, token-2 ...: invalidating the current one makes the next call return a new one. */
final class FakeTokens implements SessionTokens {

    private final AtomicInteger generation = new AtomicInteger(1);
    final List<String> issued = new CopyOnWriteArrayList<>();
    final List<String> invalidated = new CopyOnWriteArrayList<>();

    @Override
    public String token(KiwoomAccount account) {
        String token = "token-" + generation.get();
        issued.add(token);
        return token;
    }

    @Override
    public void invalidate(KiwoomAccount account, String token) {
        invalidated.add(token);
        generation.compareAndSet(Integer.parseInt(token.substring("token-".length())), generation.get() + 1);
    }
}
