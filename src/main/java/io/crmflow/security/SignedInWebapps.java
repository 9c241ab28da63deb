package io.crmflow.security;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;

/**
 * Camunda's webapps take the person signed in to crmflow ({@link SpringSessionWebappAuthenticationProvider}); a request
 * without one is answered 401. The exception is a new installation without an administrator: Camunda Admin's set-up
 * page and the calls it makes are left to Camunda, which offers the first-administrator form only while there is none.
 */
class SignedInWebapps extends ContainerBasedAuthenticationFilter {

    private static final Pattern ADMIN_SET_UP = Pattern.compile("/camunda/(app/admin/.*|api/admin/.*|api/engine/.*)");

    private final SignIn signIn;

    SignedInWebapps(SignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (ADMIN_SET_UP.matcher(((HttpServletRequest) request).getRequestURI()).matches() && signIn.awaitsFirstAdministrator()) {
            chain.doFilter(request, response);
            return;
        }
        super.doFilter(request, response, chain);
    }
}
