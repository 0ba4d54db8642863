package com.kiwoomhub.sandbox.ws;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Behaviour of the sandbox WebSocket server. Values the reference marks UNCERTAIN are settings, with
 * the most plausible real behaviour as the default.
 *
 * @param loginTimeout            no LOGIN within this time: SYSTEM R10004, then close (real value unknown)
 * @param pingInterval            period of the server's application PING (real: roughly 10-20 s)
 * @param missedPingsBeforeClose  PINGs left unechoed before SYSTEM R10002 and close (Kiwoom support: 5)
 * @param loginFailureReturnCode  return_code of a refused LOGIN (observed 805004, also 3)
 * @param maxItemsPerConnection   distinct item codes per connection, beyond that REG gets 105115
 * @param maxItemsPerGroup        distinct item codes per grp_no, beyond that REG gets 105118
 * @param regRequestsPerSecond    REG messages per rolling second per connection, beyond that 105110
 * @param refreshZeroClearsAllGroups whether REG refresh "0" drops every group's registrations
 *                                (true) or only those of its own grp_no (false, the default)
 * @param realBatchWindow         how long rows for one session are coalesced into one REAL frame
 *                                (zero: only what is already queued when the event loop gets to it)
 * @param maxRowsPerFrame         rows per REAL frame at most
 * @param conditions              the conditions CNSRLST returns and CNSRREQ evaluates
 * @param conditionScanInterval   how often real-time conditions are re-evaluated for 02 alerts
 * @param conditionPageSize       rows per CNSRREQ search_type 0 page (cont_yn / next_key beyond it)
 * @param maxRealtimeConditions   real-time conditions per login (quoted policy: 10)
 * @param rejectConditionRequestBeforeList whether a CNSRREQ before any CNSRLST gets an error
 *                                (true) or, like the real server, no answer at all (false)
 * @param framesRecorded          client frames kept for {@code framesReceived()}, oldest dropped first
 */
public record WebSocketSettings(
        Duration loginTimeout,
        Duration pingInterval,
        int missedPingsBeforeClose,
        int loginFailureReturnCode,
        int maxItemsPerConnection,
        int maxItemsPerGroup,
        int regRequestsPerSecond,
        boolean refreshZeroClearsAllGroups,
        Duration realBatchWindow,
        int maxRowsPerFrame,
        List<ConditionDefinition> conditions,
        Duration conditionScanInterval,
        int conditionPageSize,
        int maxRealtimeConditions,
        boolean rejectConditionRequestBeforeList,
        int framesRecorded) {

    public WebSocketSettings {
        Objects.requireNonNull(loginTimeout, "loginTimeout");
        Objects.requireNonNull(pingInterval, "pingInterval");
        Objects.requireNonNull(realBatchWindow, "realBatchWindow");
        Objects.requireNonNull(conditionScanInterval, "conditionScanInterval");
        conditions = List.copyOf(conditions);
    }

    public static WebSocketSettings defaults() {
        return new WebSocketSettings(
                Duration.ofSeconds(10),
                Duration.ofSeconds(15),
                5,
                805004,
                200,
                200,
                5,
                false,
                Duration.ofMillis(2),
                50,
                List.of(
                        ConditionDefinition.risingAtLeast("0", "급등 3%", 3.0),
                        ConditionDefinition.fallingAtLeast("1", "급락 3%", 3.0),
                        new ConditionDefinition("2", "보합권", -0.5, 0.5),
                        ConditionDefinition.risingAtLeast("3", "상승 종목", 0.01),
                        ConditionDefinition.fallingAtLeast("4", "하락 종목", 0.01)),
                Duration.ofSeconds(1),
                100,
                10,
                false,
                10_000);
    }

    public WebSocketSettings withTimings(Duration loginTimeout, Duration pingInterval, int missedPingsBeforeClose) {
        return new WebSocketSettings(loginTimeout, pingInterval, missedPingsBeforeClose, loginFailureReturnCode,
                maxItemsPerConnection, maxItemsPerGroup, regRequestsPerSecond, refreshZeroClearsAllGroups,
                realBatchWindow, maxRowsPerFrame, conditions, conditionScanInterval, conditionPageSize,
                maxRealtimeConditions, rejectConditionRequestBeforeList, framesRecorded);
    }

    public WebSocketSettings withRealBatchWindow(Duration realBatchWindow) {
        return new WebSocketSettings(loginTimeout, pingInterval, missedPingsBeforeClose, loginFailureReturnCode,
                maxItemsPerConnection, maxItemsPerGroup, regRequestsPerSecond, refreshZeroClearsAllGroups,
                realBatchWindow, maxRowsPerFrame, conditions, conditionScanInterval, conditionPageSize,
                maxRealtimeConditions, rejectConditionRequestBeforeList, framesRecorded);
    }

    public WebSocketSettings withConditions(List<ConditionDefinition> conditions, Duration conditionScanInterval,
                                            int conditionPageSize) {
        return new WebSocketSettings(loginTimeout, pingInterval, missedPingsBeforeClose, loginFailureReturnCode,
                maxItemsPerConnection, maxItemsPerGroup, regRequestsPerSecond, refreshZeroClearsAllGroups,
                realBatchWindow, maxRowsPerFrame, conditions, conditionScanInterval, conditionPageSize,
                maxRealtimeConditions, rejectConditionRequestBeforeList, framesRecorded);
    }

    public WebSocketSettings withConditionRequestBeforeListRejected(boolean rejected) {
        return new WebSocketSettings(loginTimeout, pingInterval, missedPingsBeforeClose, loginFailureReturnCode,
                maxItemsPerConnection, maxItemsPerGroup, regRequestsPerSecond, refreshZeroClearsAllGroups,
                realBatchWindow, maxRowsPerFrame, conditions, conditionScanInterval, conditionPageSize,
                maxRealtimeConditions, rejected, framesRecorded);
    }
}
