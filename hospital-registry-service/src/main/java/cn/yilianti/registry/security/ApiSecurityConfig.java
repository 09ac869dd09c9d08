package cn.yilianti.registry.security;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The registry's API is a resource server for its own tokens. Operational endpoints and the API
 * documents are public; the API's routes need a token; anything else under {@code /api} falls
 * through to a 404 problem. Fine-grained rules (whose hospital, which alliance) are in the
 * services.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfig implements WebMvcConfigurer {

  static final String[] PUBLIC = {
    "/actuator/health",
    "/actuator/health/**",
    "/actuator/info",
    "/actuator/prometheus",
    "/v3/api-docs",
    "/v3/api-docs/**",
    "/v3/api-docs.yaml",
    "/swagger-ui.html",
    "/swagger-ui/**",
    "/error"
  };

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
  SecurityFilterChain apiChain(HttpSecurity http, ProblemResponses problems) throws Exception {
    JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
    authorities.setAuthoritiesClaimName(Caller.ROLES);
    authorities.setAuthorityPrefix("ROLE_");
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(authorities);
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
                a.requestMatchers(PUBLIC)
                    .permitAll()
                    .requestMatchers("/actuator/**")
                    .hasRole(Role.OPS.name())
                    .requestMatchers(API)
                    .authenticated()
                    .anyRequest()
                    .permitAll())
        .oauth2ResourceServer(
            r ->
                r.jwt(j -> j.jwtAuthenticationConverter(converter))
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems))
        .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(AbstractHttpConfigurer::disable);
    return http.build();
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new CallerArgumentResolver());
  }
}
