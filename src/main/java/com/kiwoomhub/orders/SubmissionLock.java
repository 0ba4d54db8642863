package com.kiwoomhub.orders;

import java.util.concurrent.locks.ReentrantLock;

/**
 * One order call at a time per instance: the submission holds it from claim to outcome and reconciliation
 * takes it too, so this instance never reconciles a request whose call it still has in flight. Other
 * instances leave a SUBMITTING entry alone until it is older than {@code recovery-after}.
 */
public final class SubmissionLock extends ReentrantLock {
}
