package com.kiwoomhub.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;

/**
 * The sandbox as the no-keys default: when neither {@code kiwoom.app-key} nor any
 * {@code kiwoom.accounts[*]} is configured (and {@code kiwoom.sandbox.enabled} is not false), starts
 * the sandbox on 127.0.0.1 before any bean exists and points the hub's Kiwoom settings at it. This is
 * the only place that chooses the sandbox; the hub itself only sees ordinary Kiwoom settings.
 *
 * <p>The sandbox becomes the singleton bean {@value #BEAN_NAME} and is closed with the context.
 */
public class SandboxStartup implements EnvironmentPostProcessor, Ordered {

    public static final String BEAN_NAME = "kiwoomSandbox";
    static final String PROPERTY_SOURCE = "kiwoomSandbox";

    private final Log log;

    public SandboxStartup(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(SandboxStartup.class);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication app) {
        if (!env.getProperty("kiwoom.app-key", "").isBlank() || hasAccounts(env)) {
            return;
        }
        SandboxSettings settings = SandboxSettings.from(env);
        if (!settings.enabled()) {
            return;
        }
        Sandbox sandbox = Sandbox.start(settings);
        sandbox.warmUp();
        SandboxSettings.Credential credential = settings.credentials().get(0);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("kiwoom.app-key", credential.appKey());
        properties.put("kiwoom.secret-key", credential.secretKey());
        properties.put("kiwoom.account-number", credential.accountNumber());
        properties.put("kiwoom.base-url", sandbox.baseUrl());
        properties.put("kiwoom.ws-url", sandbox.wsUrl());
        properties.put("kiwoom.sandbox.active", "true");
        env.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
        log.info("No Kiwoom keys configured: using the built-in Kiwoom sandbox at " + sandbox.baseUrl()
                + " (" + (settings.mock() ? "mock" : "real") + " mode; set KIWOOM_APP_KEY to use Kiwoom)");
        app.addListeners((ApplicationListener<ApplicationPreparedEvent>) event -> {
            var beanFactory = (DefaultListableBeanFactory) event.getApplicationContext().getBeanFactory();
            if (!beanFactory.containsSingleton(BEAN_NAME)) {
                beanFactory.registerSingleton(BEAN_NAME, sandbox);
                beanFactory.registerDisposableBean(BEAN_NAME, sandbox::close);
            }
        });
        // a start that fails before the context exists would otherwise leave the server running
        app.addListeners((ApplicationListener<ApplicationFailedEvent>) event -> sandbox.close());
    }

    private static boolean hasAccounts(ConfigurableEnvironment env) {
        for (var source : env.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    if (name.startsWith("kiwoom.accounts[")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
