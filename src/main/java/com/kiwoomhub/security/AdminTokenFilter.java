package com.kiwoomhub.security;

import java.io.IOException;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code Authorization: Bearer <HUB_ADMIN_TOKEN>} makes the request the admin's. Any other request stays
 * anonymous and may only read the open endpoints; no session, no cookie, nothing remembered.
 */
final class AdminTokenFilter extends OncePerRequestFilter {

    static final String ROLE = "ADMIN";

    private final AccessToken token;

    AdminTokenFilter(AccessToken token) {
        this.token = token;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (token.matches(AccessToken.bearer(request.getHeader(HttpHeaders.AUTHORIZATION)))) {
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    "admin", null, List.of(new SimpleGrantedAuthority("ROLE_" + ROLE))));
        }
        chain.doFilter(request, response);
    }
}
