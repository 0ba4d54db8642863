package com.kiwoomhub.sandbox.ws;

import java.util.Map;
import java.util.Set;

/**
 * A snapshot of one open connection for tests and the admin endpoint.
 *
 * @param appKey             null until LOGIN succeeded
 * @param groups             grp_no to its registrations, each as {@code type:item}
 * @param realtimeConditions seqs of the running search_type 1 condition searches
 * @param reachedAt          the loopback address the client connected to
 */
public record SessionInfo(String connectionId, String appKey, Map<String, Set<String>> groups,
                          Set<String> realtimeConditions, String reachedAt) {
}
