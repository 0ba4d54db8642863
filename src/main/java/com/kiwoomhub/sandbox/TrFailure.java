package com.kiwoomhub.sandbox;

/** A TR failure that becomes a Kiwoom error envelope (HTTP 200 unless stated). */
final class TrFailure extends RuntimeException {

    final int status;
    final int returnCode;

    TrFailure(int status, int returnCode, String message) {
        super(message, null, false, false);
        this.status = status;
        this.returnCode = returnCode;
    }

    TrReply reply() {
        return TrReply.error(status, returnCode, getMessage());
    }

    static TrFailure input(String detail) {
        return new TrFailure(200, 2, "입력 값 오류입니다[" + detail + "]");
    }

    static TrFailure missing(String parameter) {
        return input("1511:필수 입력 값에 값이 존재하지 않습니다. 필수입력 파라미터=" + parameter);
    }

    static TrFailure invalid(String parameter, String reason) {
        return input("1517:입력 값 형식이 올바르지 않습니다. 파라미터=" + parameter + " 실패사유= " + reason);
    }

    static TrFailure badRequest(String detail) {
        return new TrFailure(200, 1, "잘못된 요청입니다[" + detail + "]");
    }

    static TrFailure auth(String detail) {
        return new TrFailure(200, 3, "인증에 실패했습니다[" + detail + "]");
    }

    static TrFailure unknownSymbol(String code) {
        return new TrFailure(200, 7, "서비스를 처리하는 중에 오류가 발생했습니다[1902:종목 정보가 없습니다. 입력한 종목코드 값을 확인바랍니다. 종목코드="
                + code + "]");
    }

    static TrFailure notSupportedInMock() {
        return new TrFailure(200, 20, "[2000](RC9000:모의투자에서는 해당업무가 제공되지 않습니다.)");
    }
}
