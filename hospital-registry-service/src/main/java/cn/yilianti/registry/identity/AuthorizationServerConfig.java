package cn.yilianti.registry.identity;

import static org.springframework.security.config.Customizer.withDefaults;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Spring Authorization Server with clients, authorizations, users and keys in PostgreSQL. Its
 * endpoints come first; the API chain (resource server) second; form login for the
 * authorization-code flow takes the rest.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfig {

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  SecurityFilterChain authorizationServerChain(
      HttpSecurity http, RegisteredClientRepository registered, Clients clients) throws Exception {
    // Not a bean: an AuthenticationProvider bean would replace form login's user lookup.
    ClientSecretCheck secretCheck = new ClientSecretCheck(registered, clients);
    OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
    http.securityMatcher(server.getEndpointsMatcher());
    http.with(
        server,
        s ->
            s.oidc(withDefaults())
                .clientAuthentication(
                    c ->
                        c.authenticationProviders(
                            providers -> {
                              providers.removeIf(
                                  ClientSecretAuthenticationProvider.class::isInstance);
                              providers.addFirst(secretCheck);
                            })));
    http.authorizeHttpRequests(a -> a.anyRequest().authenticated());
    http.oauth2ResourceServer(r -> r.jwt(withDefaults()));
    MediaTypeRequestMatcher browser = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
    browser.setIgnoredMediaTypes(Set.of(MediaType.ALL));
    http.exceptionHandling(
        e ->
            e.defaultAuthenticationEntryPointFor(
                new LoginUrlAuthenticationEntryPoint("/login"), browser));
    return http.build();
  }

  /** Form login for staff in the authorization-code flow (Swagger UI, consoles). */
  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE - 10)
  SecurityFilterChain loginChain(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(
            a -> a.requestMatchers("/login", "/error").permitAll().anyRequest().authenticated())
        .formLogin(withDefaults());
    return http.build();
  }

  @Bean
  AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
    return AuthorizationServerSettings.builder().issuer(properties.issuer().toString()).build();
  }

  @Bean
  RegisteredClientRepository registeredClientRepository(JdbcTemplate jdbc) {
    return new JdbcRegisteredClientRepository(jdbc);
  }

  @Bean
  OAuth2AuthorizationService authorizationService(
      JdbcTemplate jdbc, RegisteredClientRepository clients) {
    return new JdbcOAuth2AuthorizationService(jdbc, clients);
  }

  @Bean
  OAuth2AuthorizationConsentService authorizationConsentService(
      JdbcTemplate jdbc, RegisteredClientRepository clients) {
    return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
  }

  @Bean
  JWKSource<SecurityContext> jwkSource(JdbcClient jdbc) {
    return new SigningKeys(jdbc).jwkSource();
  }

  /** Verifies our own tokens with our own keys, and only those of our issuer. */
  @Bean
  JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys, IdentityProperties properties) {
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).build();
    decoder.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(
            new JwtTimestampValidator(properties.clockSkew()),
            new JwtIssuerValidator(properties.issuer().toString())));
    return decoder;
  }

  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> tokenClaims(
      ClientRepository clients, UserRepository users, JdbcClient jdbc) {
    return new TokenClaims(clients, users, jdbc);
  }

  @Bean
  StaffAccounts staffAccounts(UserRepository users) {
    return new StaffAccounts(users);
  }

  /** BCrypt, with the algorithm's id stored in front of each hash so it can change later. */
  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }
}
