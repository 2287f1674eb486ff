package com.chaching.dashboard;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The dashboard's security (design/dashboard.md "Sign-in and safety"): a session from signing in with the
 * owner's email and password at {@code /dashboard/sign-in}, CSRF tokens on every form and htmx request, and
 * sign-out by POST. It applies under {@code /dashboard} only; no other chain exists, so an API request meets
 * none of Spring Security's filters and goes straight to the API key check (decisions.md "(bl)").
 */
@Configuration(proxyBeanMethods = false)
class DashboardSecurityConfiguration {

    static final String SIGN_IN = "/dashboard/sign-in";

    // A strict policy: the pages load only our own stylesheet and the WebJars' scripts, and no page may frame them.
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain dashboardChain(HttpSecurity http, SignInAuthentication signIn) throws Exception {
        http.securityMatcher("/dashboard", "/dashboard/**")
                // The only provider, and no parent: an API key or anything else never signs a browser in.
                .authenticationManager(new ProviderManager(signIn))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(SIGN_IN, "/dashboard/assets/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage(SIGN_IN)
                        .loginProcessingUrl(SIGN_IN)
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .defaultSuccessUrl("/dashboard")
                        // One message for a wrong password and an unknown email; another once the throttle refuses.
                        .failureHandler((request, response, failure) -> response.sendRedirect(
                                failure instanceof SignInAuthentication.Throttled ? SIGN_IN + "?throttled" : SIGN_IN + "?failed")))
                .logout(logout -> logout
                        .logoutUrl("/dashboard/sign-out")
                        .logoutSuccessUrl(SIGN_IN + "?signed-out"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
        // CSRF stays on with its defaults: the token lives in the session, every POST must carry it.
        return http.build();
    }
}
