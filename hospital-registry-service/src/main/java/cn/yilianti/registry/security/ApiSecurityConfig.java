package cn.yilianti.registry.security;

import cn.yilianti.platform.security.PlatformSecurityAutoConfiguration;
import cn.yilianti.platform.security.ProblemSecurityHandlers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The registry's API is a resource server for its own tokens, with the platform's roles converter
 * and problem answers. Probes, metrics exports and the API documents are public; the API's routes
 * need a token; anything else under {@code /api} falls through to a 404 problem. Fine-grained rules
 * (whose hospital, which alliance) are in the services.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfig {

  static final String[] API = {
    "/api/v1/hospitals",
    "/api/v1/hospitals/**",
    "/api/v1/alliances",
    "/api/v1/alliances/**",
    "/api/v1/imports/**",
    "/api/v1/routing/**",
    "/api/v1/clients/**",
    "/api/v1/users",
    "/api/v1/users/**",
    "/api/v1/me"
  };

  @Bean
  @Order(2)
  SecurityFilterChain apiChain(
      HttpSecurity http, JwtAuthenticationConverter roles, ProblemSecurityHandlers problems)
      throws Exception {
    http.securityMatcher(
            "/api/**",
            "/actuator/**",
            "/v3/api-docs/**",
            "/v3/api-docs",
            "/swagger-ui/**",
            "/swagger-ui.html",
            "/error")
        .authorizeHttpRequests(
            a ->
                a.requestMatchers(PlatformSecurityAutoConfiguration.PUBLIC_PATHS)
                    .permitAll()
                    .requestMatchers("/actuator/**")
                    .hasRole("OPS")
                    .requestMatchers(API)
                    .authenticated()
                    .anyRequest()
                    .permitAll())
        .oauth2ResourceServer(
            r ->
                r.jwt(j -> j.jwtAuthenticationConverter(roles))
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems))
        .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(AbstractHttpConfigurer::disable);
    return http.build();
  }
}
