package cn.yilianti.registry.web;

import cn.yilianti.platform.security.Caller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document names the registry's own issuer: HIS systems use client credentials, staff
 * log in with authorization code and PKCE (Swagger UI's Authorize button), scripts send a bearer
 * token.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

  static {
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
  }

  @Bean
  OpenAPI registryOpenApi(@Value("${registry.identity.issuer}") String issuer) {
    String base = issuer.replaceAll("/$", "");
    return new OpenAPI()
        .info(
            new Info()
                .title("hospital-registry-service")
                .version("v1")
                .description(
                    "Alliances, member hospitals, routing rules and credentials of the medical"
                        + " alliance (医联体): the platform's source of truth and local OAuth2 issuer."))
        .components(
            new Components()
                .addSecuritySchemes(
                    "bearer",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT"))
                .addSecuritySchemes(
                    "his",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.OAUTH2)
                        .flows(
                            new OAuthFlows()
                                .clientCredentials(
                                    new OAuthFlow()
                                        .tokenUrl(base + "/oauth2/token")
                                        .scopes(new Scopes()))))
                .addSecuritySchemes(
                    "staff",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.OAUTH2)
                        .flows(
                            new OAuthFlows()
                                .authorizationCode(
                                    new OAuthFlow()
                                        .authorizationUrl(base + "/oauth2/authorize")
                                        .tokenUrl(base + "/oauth2/token")
                                        .scopes(new Scopes().addString("openid", "OpenID"))))))
        .addSecurityItem(new SecurityRequirement().addList("bearer"))
        .addSecurityItem(new SecurityRequirement().addList("his"))
        .addSecurityItem(new SecurityRequirement().addList("staff"));
  }
}
