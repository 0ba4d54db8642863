package com.kiwoomhub.sandbox;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The REST requests the sandbox received, in arrival order, for assertions in tests. It keeps the
 * latest {@value #CAPACITY}, so that a sandbox polled for days does not grow without bound.
 */
public final class RequestJournal {

    static final int CAPACITY = 10_000;

    /**
     * One received request. Header names are lower case; the authorization value is replaced by
     * {@code Bearer ***} (or {@code ***}) so that tokens never leave the sandbox; {@code fields} is the
     * parsed JSON body (empty when it was not a JSON object); {@code appKey} is the app key whose token the
     * request carried (null without a token the sandbox issued), so that calls can be counted per app key.
     */
    public record ReceivedRequest(Instant at, String method, String path, String apiId, Map<String, String> headers,
                                  String body, Map<String, Object> fields, String appKey) {
    }

    private final Deque<ReceivedRequest> requests = new ArrayDeque<>();

    synchronized void add(ReceivedRequest request) {
        if (requests.size() == CAPACITY) {
            requests.removeFirst();
        }
        requests.addLast(request);
    }

    public synchronized List<ReceivedRequest> all() {
        return List.copyOf(requests);
    }

    /** The requests that named this TR in their {@code api-id} header. */
    public synchronized List<ReceivedRequest> withApiId(String apiId) {
        return requests.stream().filter(r -> apiId.equals(r.apiId())).toList();
    }

    public synchronized void clear() {
        requests.clear();
    }
}
