package com.kiwoomhub.kiwoom;

import java.util.HashMap;
import java.util.Map;

/**
 * The REST path of every TR: Kiwoom routes by (path, api-id) and rejects a TR on the wrong path
 * with 1504, so this table is the one place that knows it (docs/kiwoom-protocol.md §3.1, 207 APIs + ka00001).
 */
public enum TrGroup {
    TOKEN("/oauth2/token", "au10001"),
    REVOKE("/oauth2/revoke", "au10002"),
    STOCK_INFO("/api/dostk/stkinfo", "ka00198 ka10001 ka10002 ka10003 ka10013 ka10015 ka10016 ka10017 ka10018 "
            + "ka10019 ka10024 ka10025 ka10026 ka10028 ka10043 ka10052 ka10054 ka10055 ka10058 ka10059 ka10061 "
            + "ka10084 ka10095 ka10099 ka10100 ka10101 ka10102 ka90003 ka90004 kt20016 kt20017"),
    MARKET("/api/dostk/mrkcond", "ka10004 ka10005 ka10006 ka10007 ka10011 ka10044 ka10045 ka10046 ka10047 "
            + "ka10063 ka10066 ka10078 ka10086 ka10087 ka50010 ka50012 ka50087 ka50100 ka50101 ka90005 ka90006 "
            + "ka90007 ka90008 ka90010 ka90013"),
    CHART("/api/dostk/chart", "ka10060 ka10064 ka10079 ka10080 ka10081 ka10082 ka10083 ka10094 ka20004 ka20005 "
            + "ka20006 ka20007 ka20008 ka20019 ka50079 ka50080 ka50081 ka50082 ka50083 ka50091 ka50092"),
    ACCOUNT("/api/dostk/acnt", "ka00001 ka01690 ka10072 ka10073 ka10074 ka10075 ka10076 ka10077 ka10085 ka10088 "
            + "ka10170 kt00001 kt00002 kt00003 kt00004 kt00005 kt00007 kt00008 kt00009 kt00010 kt00011 kt00012 "
            + "kt00013 kt00015 kt00016 kt00017 kt00018 kt50020 kt50021 kt50030 kt50031 kt50032 kt50075"),
    ORDER("/api/dostk/ordr", "kt10000 kt10001 kt10002 kt10003 kt50000 kt50001 kt50002 kt50003"),
    CREDIT_ORDER("/api/dostk/crdordr", "kt10006 kt10007 kt10008 kt10009"),
    RANKING("/api/dostk/rkinfo", "ka10020 ka10021 ka10022 ka10023 ka10027 ka10029 ka10030 ka10031 ka10032 "
            + "ka10033 ka10034 ka10035 ka10036 ka10037 ka10038 ka10039 ka10040 ka10042 ka10053 ka10062 ka10065 "
            + "ka10098 ka90009"),
    SECTOR("/api/dostk/sect", "ka10010 ka10051 ka20001 ka20002 ka20003 ka20009"),
    INSTITUTION("/api/dostk/frgnistt", "ka10008 ka10009 ka10131 ka52301"),
    ELW("/api/dostk/elw", "ka10048 ka10050 ka30001 ka30002 ka30003 ka30004 ka30005 ka30009 ka30010 ka30011 ka30012"),
    ETF("/api/dostk/etf", "ka40001 ka40002 ka40003 ka40004 ka40006 ka40007 ka40008 ka40009 ka40010"),
    LENDING("/api/dostk/slb", "ka10068 ka10069 ka20068 ka90012"),
    SHORT_SELLING("/api/dostk/shsa", "ka10014"),
    THEME("/api/dostk/thme", "ka90001 ka90002");

    private static final Map<String, TrGroup> BY_API_ID = new HashMap<>();

    static {
        for (TrGroup group : values()) {
            for (String apiId : group.apiIds) {
                BY_API_ID.put(apiId, group);
            }
        }
    }

    private final String path;
    private final String[] apiIds;

    TrGroup(String path, String apiIds) {
        this.path = path;
        this.apiIds = apiIds.split(" ");
    }

    public String path() {
        return path;
    }

    /**
     * Order entry (stock, credit and gold spot): never retried on an ambiguous failure, since a
     * second POST could place a second order.
     */
    public boolean placesOrders() {
        return this == ORDER || this == CREDIT_ORDER;
    }

    /** The group of a REST TR; an unknown api-id is a programming error reported before any request. */
    public static TrGroup of(String apiId) {
        TrGroup group = apiId == null ? null : BY_API_ID.get(apiId);
        if (group == null) {
            throw new IllegalArgumentException("Unknown Kiwoom REST api-id '" + apiId + "' (no path in TrGroup; "
                    + "WebSocket-only TRs such as ka10171 are not REST calls)");
        }
        return group;
    }
}
