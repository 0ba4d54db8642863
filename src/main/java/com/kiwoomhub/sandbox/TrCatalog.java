package com.kiwoomhub.sandbox;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which URI serves which TR, for every Kiwoom REST TR (docs/kiwoom-protocol.md §3.1), so that a TR sent to
 * the wrong path gets Kiwoom's 1504 even when the sandbox does not implement it.
 */
final class TrCatalog {

    static final String TOKEN = "/oauth2/token";
    static final String REVOKE = "/oauth2/revoke";
    static final String STKINFO = "/api/dostk/stkinfo";
    static final String MRKCOND = "/api/dostk/mrkcond";
    static final String CHART = "/api/dostk/chart";
    static final String ACNT = "/api/dostk/acnt";
    static final String ORDR = "/api/dostk/ordr";

    private static final Map<String, String> PATH_OF = new HashMap<>();

    static {
        add(TOKEN, "au10001");
        add(REVOKE, "au10002");
        add(STKINFO, "ka00198 ka10001 ka10002 ka10003 ka10013 ka10015 ka10016 ka10017 ka10018 ka10019 ka10024 ka10025 "
                + "ka10026 ka10028 ka10043 ka10052 ka10054 ka10055 ka10058 ka10059 ka10061 ka10084 ka10095 ka10099 "
                + "ka10100 ka10101 ka10102 ka90003 ka90004 kt20016 kt20017");
        add(MRKCOND, "ka10004 ka10005 ka10006 ka10007 ka10011 ka10044 ka10045 ka10046 ka10047 ka10063 ka10066 ka10078 "
                + "ka10086 ka10087 ka50010 ka50012 ka50087 ka50100 ka50101 ka90005 ka90006 ka90007 ka90008 ka90010 ka90013");
        add(CHART, "ka10060 ka10064 ka10079 ka10080 ka10081 ka10082 ka10083 ka10094 ka20004 ka20005 ka20006 ka20007 "
                + "ka20008 ka20019 ka50079 ka50080 ka50081 ka50082 ka50083 ka50091 ka50092");
        add(ACNT, "ka00001 ka01690 ka10072 ka10073 ka10074 ka10075 ka10076 ka10077 ka10085 ka10088 ka10170 kt00001 "
                + "kt00002 kt00003 kt00004 kt00005 kt00007 kt00008 kt00009 kt00010 kt00011 kt00012 kt00013 kt00015 "
                + "kt00016 kt00017 kt00018 kt50020 kt50021 kt50030 kt50031 kt50032 kt50075");
        add(ORDR, "kt10000 kt10001 kt10002 kt10003 kt50000 kt50001 kt50002 kt50003");
        add("/api/dostk/crdordr", "kt10006 kt10007 kt10008 kt10009");
        add("/api/dostk/rkinfo", "ka10020 ka10021 ka10022 ka10023 ka10027 ka10029 ka10030 ka10031 ka10032 ka10033 "
                + "ka10034 ka10035 ka10036 ka10037 ka10038 ka10039 ka10040 ka10042 ka10053 ka10062 ka10065 ka10098 ka90009");
        add("/api/dostk/sect", "ka10010 ka10051 ka20001 ka20002 ka20003 ka20009");
        add("/api/dostk/frgnistt", "ka10008 ka10009 ka10131 ka52301");
        add("/api/dostk/elw", "ka10048 ka10050 ka30001 ka30002 ka30003 ka30004 ka30005 ka30009 ka30010 ka30011 ka30012");
        add("/api/dostk/etf", "ka40001 ka40002 ka40003 ka40004 ka40006 ka40007 ka40008 ka40009 ka40010");
        add("/api/dostk/slb", "ka10068 ka10069 ka20068 ka90012");
        add("/api/dostk/shsa", "ka10014");
        add("/api/dostk/thme", "ka90001 ka90002");
    }

    private TrCatalog() {
    }

    private static void add(String path, String trs) {
        for (String tr : trs.split(" ")) {
            PATH_OF.put(tr, path);
        }
    }

    /** The URI that serves a TR, empty for an api-id Kiwoom does not have. */
    static Optional<String> pathOf(String apiId) {
        return Optional.ofNullable(PATH_OF.get(apiId));
    }

    static boolean knownPath(String path) {
        return PATH_OF.containsValue(path);
    }
}
