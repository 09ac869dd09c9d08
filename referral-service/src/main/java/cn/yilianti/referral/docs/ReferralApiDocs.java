package cn.yilianti.referral.docs;

import cn.yilianti.platform.security.Caller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The document HIS vendors read: bearer tokens from the registry's issuer; the {@link Caller}
 * controllers take comes from the token, so it is no request parameter.
 */
@Configuration(proxyBeanMethods = false)
class ReferralApiDocs {

  static {
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
  }

  @Bean
  OpenAPI referralOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("referral-service")
                .version("v1")
                .description(
                    "Two-way referrals (双向转诊) and remote consultations between the member"
                        + " hospitals of a medical alliance. Errors are RFC 9457 problem+json;"
                        + " transitions take If-Match with the ETag of the referral."))
        .components(
            new Components()
                .addSecuritySchemes(
                    "bearer",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")))
        .addSecurityItem(new SecurityRequirement().addList("bearer"));
  }
}
