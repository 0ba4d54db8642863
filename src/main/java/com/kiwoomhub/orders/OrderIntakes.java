package com.kiwoomhub.orders;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RouteTemplateParameterSource;
import org.apache.camel.support.EventNotifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.kiwoomhub.cluster.AccountOwnerPolicies;
import com.kiwoomhub.kiwoom.KiwoomAccount;
import com.kiwoomhub.kiwoom.KiwoomAccounts;

/**
 * One order intake per configured account, each from the route template {@value #TEMPLATE} of
 * {@code routes/orders.camel.yaml}: {@value #PRIMARY_ROUTE} for the primary account, in the consumer group
 * {@code kiwoom.orders.group-id} (the one intake there was before), and {@code order-intake-<alias>} for each
 * other account, in the group {@code <group-id>-<alias>}. Each runs on the owner of its account only (route
 * policy from {@link AccountOwnerPolicies}), reads every request and handles those of its account
 * ({@link OrderValidation#intakeAccount}). Camel creates them at start from this parameter source; when the
 * template's file is reloaded live they are created again from the new template.
 */
public class OrderIntakes implements RouteTemplateParameterSource {

    static final String TEMPLATE = "account-order-intake";
    static final String PRIMARY_ROUTE = "order-intake";
    private static final Logger LOG = LoggerFactory.getLogger(OrderIntakes.class);

    private final KiwoomAccounts accounts;
    private final String groupId;
    private final AccountOwnerPolicies policies;
    private final CamelContext camel;
    private final IntakeOffsets offsets;
    private final Map<String, KiwoomAccount> byRoute = new LinkedHashMap<>();
    /** The template the intakes were last created from. */
    private RouteTemplateDefinition createdFrom;

    public OrderIntakes(KiwoomAccounts accounts, String groupId, AccountOwnerPolicies policies, CamelContext camel,
                        String bootstrapServers, String requestTopic) {
        this.accounts = accounts;
        this.groupId = groupId;
        this.policies = policies;
        this.camel = camel;
        this.offsets = new IntakeOffsets(bootstrapServers, requestTopic, groupId);
        accounts.all().forEach(a -> byRoute.put(routeId(a.alias()), a));
        camel.getManagementStrategy().addEventNotifier(new TemplateReload());
    }

    /** The intake route of an account. */
    private String routeId(String alias) {
        return alias.equals(accounts.primary().alias()) ? PRIMARY_ROUTE : PRIMARY_ROUTE + "-" + alias;
    }

    /** The consumer group of an account's intake. */
    private String groupId(String alias) {
        return alias.equals(accounts.primary().alias()) ? groupId : groupId + "-" + alias;
    }

    /** None while the routes folder holds no intake template (e.g. without routes/orders.camel.yaml). */
    @Override
    public Set<String> routeIds() {
        return templates().isEmpty() ? Set.of() : new LinkedHashSet<>(byRoute.keySet());
    }

    /**
     * The template's parameters for one intake, for Camel to create it at start.
     */
    @Override
    public Map<String, Object> parameters(String routeId) {
        Map<String, Object> parameters = new LinkedHashMap<>(templateParameters(routeId));
        parameters.put(TEMPLATE_ID, TEMPLATE);
        return parameters;
    }

    /**
     * The template's parameters for one intake. Binds a new owner policy for it in the registry (a clustered
     * policy serves the route it was created for) and sets where a new consumer group starts ({@link IntakeOffsets}).
     */
    private synchronized Map<String, Object> templateParameters(String routeId) {
        KiwoomAccount account = Objects.requireNonNull(byRoute.get(routeId), routeId);
        String policy = "orderIntakeOwner-" + account.alias();
        try {
            camel.getRegistry().bind(policy, RoutePolicy.class, policies.forAccount(account.alias()));
        } catch (Exception e) {
            throw new IllegalStateException("No owner policy for the order intake of account '" + account.alias() + "'", e);
        }
        String group = groupId(account.alias());
        if (!group.equals(groupId)) {
            offsets.start(group);
        }
        createdFrom = newestTemplate();
        return Map.of("account", account.alias(), "groupId", group, "ownerPolicy", policy);
    }

    private RouteTemplateDefinition newestTemplate() {
        List<RouteTemplateDefinition> all = templates();
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    private List<RouteTemplateDefinition> templates() {
        return model().getRouteTemplateDefinitions().stream()
                .filter(t -> TEMPLATE.equals(t.getId())).toList();
    }

    /**
     * After a live reload that brought a new template: every intake is created again from it. A template that
     * makes no intake (e.g. a bean that does not exist) is dropped with an ERROR and the previous one used again,
     * as Camel keeps a route running when its edited file does not load.
     */
    private synchronized void recreate() throws Exception {
        RouteTemplateDefinition newest = newestTemplate();
        RouteTemplateDefinition previous = createdFrom;
        if (newest == null || newest == previous) {
            return;
        }
        keepOnly(newest);
        try {
            createAll();
            LOG.info("Orders: the intakes {} were created again from the reloaded template {}", routeIds(), TEMPLATE);
        } catch (Exception e) {
            model().addRouteTemplateDefinition(previous);
            keepOnly(previous);
            createAll();
            LOG.error("Orders: the reloaded template {} makes no order intake ({}); the intakes run from the previous one",
                    TEMPLATE, e.getMessage());
        }
    }

    /** Drops every other definition of the template: Camel creates a route from the first one it holds. */
    private void keepOnly(RouteTemplateDefinition template) throws Exception {
        for (RouteTemplateDefinition other : templates()) {
            if (other != template) {
                model().removeRouteTemplateDefinition(other);
            }
        }
    }

    private void createAll() throws Exception {
        for (String routeId : routeIds()) {
            if (camel.getRoute(routeId) != null) {
                camel.getRouteController().stopRoute(routeId);
                camel.removeRoute(routeId);
            }
            model().addRouteFromTemplate(routeId, TEMPLATE, templateParameters(routeId));
        }
    }

    private Model model() {
        return camel.getCamelContextExtension().getContextPlugin(Model.class);
    }

    /**
     * A reload of routes/orders.camel.yaml adds the edited template but leaves the routes made from the old one as
     * they were; Camel tells of the reload through the file's routes (order-executions, ...), one event each.
     */
    private final class TemplateReload extends EventNotifierSupport {

        @Override
        public boolean isEnabled(CamelEvent event) {
            return event instanceof CamelEvent.RouteReloadedEvent;
        }

        @Override
        public void notify(CamelEvent event) throws Exception {
            recreate();
        }
    }
}
