package com.kiwoomhub.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every REST request the sandbox received, in arrival order, for assertions in tests. */
public final class RequestJournal {

    /**
     * One received request. Header names are lower case; the authorization value is replaced by
     * {@code Bearer ***} (or {@code ***}) so that tokens never leave the sandbox; {@code fields} is the
     * parsed JSON body (empty when it was not a JSON object).
     */
    public record ReceivedRequest(Instant at, String method, String path, String apiId, Map<String, String> headers,
                                  String body, Map<String, Object> fields) {
    }

    private final List<ReceivedRequest> requests = new ArrayList<>();

    synchronized void add(ReceivedRequest request) {
        requests.add(request);
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
