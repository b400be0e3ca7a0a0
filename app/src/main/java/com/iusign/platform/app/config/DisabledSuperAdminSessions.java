package com.iusign.platform.app.config;

import com.iusign.platform.security.SuperAdminAccounts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * A disabled SuperAdmin's console sessions end on their next request: before Spring Security
 * loads the session's sign-in, the account is asked whether it is still active, and the session is
 * invalidated when it is not (the request then goes on as anonymous, and the console shows the
 * sign-in page). Asked every time, never cached, so no request outlives the disabling. Requests
 * without a session (the stateless APIs) are not touched.
 */
@Configuration(proxyBeanMethods = false)
class DisabledSuperAdminSessions {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> disabledSuperAdminSessionFilter(SuperAdminAccounts accounts) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                HttpSession session = request.getSession(false);
                if (session != null && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                        instanceof SecurityContext context
                        && context.getAuthentication() instanceof UsernamePasswordAuthenticationToken signedIn
                        && !accounts.isActive(signedIn.getName())) {
                    session.invalidate();
                }
                chain.doFilter(request, response);
            }
        });
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        registration.setName("disabledSuperAdminSessions");
        return registration;
    }
}
