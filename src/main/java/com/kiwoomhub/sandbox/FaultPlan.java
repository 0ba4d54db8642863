package com.kiwoomhub.sandbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Faults armed by tests or the admin endpoint, each consumed by the calls it hits: HTTP errors and
 * delays on a TR, forced rate-limit rejections, and a rejection for the next order.
 */
public final class FaultPlan {

    /** What to do to one REST call instead of (or before) serving it. */
    public sealed interface CallFault permits HttpError, Delay, RateLimited {
    }

    /** Answer with this HTTP status and a plain body. */
    public record HttpError(int status) implements CallFault {
    }

    /** Serve the call at once but send the answer only after this delay (past the client's timeout, typically). */
    public record Delay(Duration delay) implements CallFault {
    }

    /** Answer with Kiwoom's 429 rate-limit rejection even though the budget is not spent. */
    public record RateLimited() implements CallFault {
    }

    /** A rejection for an order TR: {@code {"return_code":20,"return_msg":"[2000](code:text)"}}. */
    public record OrderRejection(String code, String text) {
    }

    private final Map<String, Deque<CallFault>> byApiId = new HashMap<>();
    private final Deque<OrderRejection> orderRejections = new ArrayDeque<>();

    /** The next {@code count} calls of {@code apiId} get HTTP {@code status} (e.g. 500, 503). */
    public synchronized void failNext(String apiId, int count, int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("An HTTP error status is 400..599, got " + status);
        }
        arm(apiId, count, new HttpError(status));
    }

    /**
     * The next {@code count} calls of {@code apiId} are served (an order is placed) but answered only
     * after {@code delay}, so a client that times out does not learn the outcome.
     */
    public synchronized void delayNext(String apiId, int count, Duration delay) {
        arm(apiId, count, new Delay(delay));
    }

    /** The next {@code count} calls of {@code apiId} are rejected with HTTP 429 / return_code 5. */
    public synchronized void rateLimitNext(String apiId, int count) {
        arm(apiId, count, new RateLimited());
    }

    /** The next order TR (kt10000..kt10003) is rejected with {@code [2000](code:text)}. */
    public synchronized void rejectNextOrder(String code, String text) {
        orderRejections.addLast(new OrderRejection(code, text));
    }

    /** Forgets every armed fault. */
    public synchronized void clear() {
        byApiId.clear();
        orderRejections.clear();
    }

    synchronized Optional<CallFault> takeCallFault(String apiId) {
        Deque<CallFault> faults = byApiId.get(apiId);
        return Optional.ofNullable(faults == null ? null : faults.pollFirst());
    }

    synchronized Optional<OrderRejection> takeOrderRejection() {
        return Optional.ofNullable(orderRejections.pollFirst());
    }

    private void arm(String apiId, int count, CallFault fault) {
        if (apiId == null || apiId.isBlank() || count < 1) {
            throw new IllegalArgumentException("A fault needs an api-id and a count of at least 1");
        }
        Deque<CallFault> faults = byApiId.computeIfAbsent(apiId, id -> new ArrayDeque<>());
        for (int i = 0; i < count; i++) {
            faults.addLast(fault);
        }
    }
}
