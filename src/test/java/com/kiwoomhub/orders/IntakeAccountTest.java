package com.kiwoomhub.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.kiwoomhub.kiwoom.KiwoomAccounts;
import com.kiwoomhub.kiwoom.KiwoomProperties;

/**
 * Which account's intake handles an order-request record: the account the request names if it is configured,
 * otherwise the primary account's, whose intake dead-letters what is invalid. A pure function of the bytes, and,
 * for a valid request, the account it is placed for.
 */
class IntakeAccountTest {

    private final KiwoomAccounts accounts = new KiwoomAccounts(new KiwoomProperties(null, null, null, false,
            "http://127.0.0.1:1", "ws://127.0.0.1:1", "default", List.of(), null,
            List.of(account("alpha", "5012345601"), account("beta", "5099999901")), new KiwoomProperties.Sandbox(false)));
    private final OrderValidation validation = new OrderValidation(accounts, settings(), null, null, Clock.systemUTC());

    @Test
    void aValidRequestGoesToTheIntakeOfItsAccount() {
        for (String account : List.of("alpha", "beta")) {
            byte[] request = bytes(newOrder("o-" + account, ",\"account\":\"" + account + "\""));
            assertThat(validation.intakeAccount(request)).isEqualTo(account);
            assertThat(((Admission.Admitted) validation.validate(request)).ticket().account()).isEqualTo(account);
        }
        byte[] unnamed = bytes(newOrder("o-unnamed", ""));
        assertThat(validation.intakeAccount(unnamed)).as("no account = the primary").isEqualTo("alpha");
        assertThat(((Admission.Admitted) validation.validate(unnamed)).ticket().account()).isEqualTo("alpha");
    }

    @Test
    void anInvalidRequestOfAConfiguredAccountStaysWithThatAccount() {
        byte[] request = bytes("{\"clientOrderId\":\"bad-beta\",\"account\":\"beta\",\"action\":\"NEW\"}");
        assertThat(validation.validate(request)).isInstanceOf(Admission.Invalid.class);
        assertThat(validation.intakeAccount(request)).isEqualTo("beta");
    }

    @Test
    void whatNamesNoConfiguredAccountGoesToThePrimary() {
        List<byte[]> records = List.of(
                bytes(newOrder("o-gamma", ",\"account\":\"gamma\"")),
                bytes(newOrder("o-empty", ",\"account\":\"\"")),
                bytes(newOrder("o-number", ",\"account\":7")),
                bytes(newOrder("o-case", ",\"account\":\"BETA\"")),
                bytes("{\"account\":\"beta\""),
                bytes("[\"beta\"]"),
                bytes("\"beta\""),
                bytes(""),
                new byte[] {'{', '"', 'a', (byte) 0xC3, '"', ':', '1', '}'},
                new byte[] {(byte) 0xFF, (byte) 0xFE});
        for (byte[] record : records) {
            assertThat(validation.intakeAccount(record)).as(new String(record, StandardCharsets.ISO_8859_1)).isEqualTo("alpha");
        }
        assertThat(validation.intakeAccount(null)).as("a tombstone").isEqualTo("alpha");
    }

    @Test
    void theSameBytesGoToTheSameIntakeEveryTime() {
        byte[] request = bytes(newOrder("o-again", ",\"account\":\"beta\""));
        assertThat(List.of(validation.intakeAccount(request), validation.intakeAccount(request.clone()),
                new OrderValidation(accounts, settings(), null, null, Clock.systemUTC()).intakeAccount(request)))
                .containsOnly("beta");
    }

    private static String newOrder(String id, String account) {
        return "{\"clientOrderId\":\"" + id + "\",\"action\":\"NEW\",\"side\":\"BUY\",\"symbol\":\"005930\",\"quantity\":1,"
                + "\"orderType\":\"LIMIT\",\"price\":70000" + account + "}";
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static KiwoomProperties.Account account(String alias, String number) {
        return new KiwoomProperties.Account(alias, "key-" + alias, "secret-" + alias, number, false, null, null);
    }

    private static OrdersProperties settings() {
        return new OrdersProperties(true, "kiwoom-hub-orders", Set.of("KRX"), Duration.ofSeconds(30), Duration.ofSeconds(60),
                Duration.ofSeconds(60), Duration.ofDays(7), "", Duration.ofSeconds(60), true,
                new OrdersProperties.Risk(false, Duration.ofMinutes(10), 0, 0, 0, List.of(), List.of()));
    }
}
