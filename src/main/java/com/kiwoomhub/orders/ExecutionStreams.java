package com.kiwoomhub.orders;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.kiwoomhub.realtime.KiwoomSessions;

/**
 * One {@code order-executions-<alias>} route per account, from the {@code order-executions} template
 * of {@code routes/orders.camel.yaml}, once Camel has started. Without real-time sessions
 * ({@code kiwoom.realtime.enabled=false}) there is no 00 stream: orders still go out and get their
 * ACCEPTED/REJECTED, but no FILL, MODIFIED or CANCELLED events.
 */
public class ExecutionStreams implements CamelContextConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutionStreams.class);
    static final String TEMPLATE = "order-executions";

    private final KiwoomSessions sessions;

    public ExecutionStreams(KiwoomSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void beforeApplicationStart(CamelContext camel) {
        // the template is read from the routes folder during start
    }

    @Override
    public void afterApplicationStart(CamelContext camel) {
        if (sessions == null) {
            LOG.warn("Orders: no real-time sessions (kiwoom.realtime.enabled=false): no FILL, MODIFIED or CANCELLED events");
            return;
        }
        if (((ModelCamelContext) camel).getRouteTemplateDefinition(TEMPLATE) == null) {
            LOG.warn("Orders: route template {} is not loaded; no execution events", TEMPLATE);
            return;
        }
        sessions.all().forEach(session -> {
            String alias = session.account().alias();
            try {
                camel.addRouteFromTemplate(TEMPLATE + "-" + alias, TEMPLATE, Map.of("account", alias));
            } catch (Exception e) {
                throw new IllegalStateException("Could not create the 00 execution route of account '" + alias + "': "
                        + e.getMessage(), e);
            }
        });
    }
}
