package com.kiwoomhub.orders;

import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code /actuator/orderkillswitch}: GET shows the switch, POST {@code {"on": true}} turns it on
 * (every NEW order rejected with HUB_RISK; MODIFY and CANCEL still go out), {@code {"on": false}} off.
 * The switch is per instance and starts from {@code kiwoom.orders.risk.kill-switch}.
 */
@Endpoint(id = "orderkillswitch")
public class KillSwitchEndpoint {

    private final RiskGuard risk;

    public KillSwitchEndpoint(RiskGuard risk) {
        this.risk = risk;
    }

    @ReadOperation
    public Map<String, Object> state() {
        return Map.of("on", risk.killSwitchOn());
    }

    @WriteOperation
    public Map<String, Object> set(boolean on) {
        risk.killSwitch(on);
        return state();
    }
}
