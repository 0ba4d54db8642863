package com.kiwoomhub.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** au10001 접근토큰 발급 and au10002 접근토큰 폐기 against the configured key pairs. */
final class OAuthTr {

    private final TokenStore tokens;
    private final SandboxSettings settings;

    OAuthTr(TokenStore tokens, SandboxSettings settings) {
        this.tokens = tokens;
        this.settings = settings;
    }

    TrReply issue(Map<String, Object> body) {
        String grantType = text(body, "grant_type");
        if (grantType == null) {
            throw TrFailure.auth("8011:Access Token을 발급하는데 실패했습니다. 입력값에 grant_type이 들어오지 않았습니다");
        }
        if (!"client_credentials".equals(grantType)) {
            throw TrFailure.auth("8012:Access Token을 발급하는데 실패했습니다. grant_type의 값이 맞지 않습니다");
        }
        SandboxSettings.Credential credential = credential(body);
        TokenStore.IssuedToken token = tokens.issue(credential.appKey());
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("expires_dt", token.expiresDt());
        f.put("token_type", "bearer");
        f.put("token", token.token());
        return TrReply.ok(f, TrReply.OK);
    }

    TrReply revoke(Map<String, Object> body) {
        credential(body);
        String token = text(body, "token");
        if (token == null) {
            throw TrFailure.auth("8016:Access Token을 폐기하는데 실패했습니다. 입력값에 Token이 들어오지 않았습니다");
        }
        if (!tokens.revoke(token)) {
            throw TrFailure.auth("8015:Access Token을 폐기하는데 실패했습니다. 실패사유=유효하지 않은 토큰");
        }
        return TrReply.ok(Map.of(), TrReply.OK);
    }

    private SandboxSettings.Credential credential(Map<String, Object> body) {
        String appKey = text(body, "appkey");
        String secretKey = text(body, "secretkey");
        if (appKey == null || secretKey == null) {
            throw TrFailure.auth("8020:입력파라미터로 appkey 또는 secretkey가 들어오지 않았습니다.");
        }
        Optional<SandboxSettings.Credential> match = settings.credentials().stream()
                .filter(c -> c.appKey().equals(appKey) && c.secretKey().equals(secretKey)).findFirst();
        return match.orElseThrow(() -> TrFailure.auth("8001:App Key와 Secret Key 검증에 실패했습니다"));
    }

    private static String text(Map<String, Object> body, String name) {
        Object value = body.get(name);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
