package com.kiwoomhub.security;

import java.io.IOException;

import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The HTTP control surface, safe by default: anyone may read the open actuator endpoints
 * ({@code hub.admin.open-endpoints}); everything else, above all every write such as
 * {@code POST /actuator/orderkillswitch}, needs {@code Authorization: Bearer <HUB_ADMIN_TOKEN>}. Without
 * a token configured those requests are refused with 403, never let through. Stateless: no session, no
 * cookie, so no CSRF token either. Every request body is capped first ({@link RequestBodyLimit}).
 *
 * <p>The chain also guards the actuator when it runs on its own port ({@code management.server.port}).
 * Without a web server (tests with {@code WebEnvironment.NONE}) there is nothing to guard.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class AdminSecurity {

    @Bean
    SecurityFilterChain adminChain(HttpSecurity http, AdminProperties admin) throws Exception {
        AccessToken token = new AccessToken(admin.token());
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .addFilterBefore(new RequestBodyLimit(admin.maxRequestBody().toBytes()), DisableEncodeUrlFilter.class)
                .addFilterBefore(new AdminTokenFilter(token), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(openReads(admin)).permitAll()
                        .anyRequest().hasRole(AdminTokenFilter.ROLE))
                .exceptionHandling(e -> e.authenticationEntryPoint(refusal(token)))
                .build();
    }

    /** GET and HEAD of the open endpoints and of the {@code /actuator} index. */
    private static RequestMatcher openReads(AdminProperties admin) {
        RequestMatcher endpoints = new OrRequestMatcher(EndpointRequest.to(admin.openEndpoints().toArray(String[]::new)),
                EndpointRequest.toLinks());
        RequestMatcher reads = request -> HttpMethod.GET.matches(request.getMethod())
                || HttpMethod.HEAD.matches(request.getMethod());
        return new AndRequestMatcher(endpoints, reads);
    }

    /** 401 asking for the bearer token, or 403 when no token is configured (the operation is switched off). */
    private static AuthenticationEntryPoint refusal(AccessToken token) {
        return (request, response, e) -> {
            if (token.configured()) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"kiwoom-hub\"");
                write(response, HttpStatus.UNAUTHORIZED, "this operation needs Authorization: Bearer <HUB_ADMIN_TOKEN>");
            } else {
                write(response, HttpStatus.FORBIDDEN, "this operation is disabled: no HUB_ADMIN_TOKEN is configured");
            }
        };
    }

    private static void write(HttpServletResponse response, HttpStatus status, String error)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType("application/json");
        response.getWriter().write("{\"error\":\"" + error + "\"}");
    }
}
