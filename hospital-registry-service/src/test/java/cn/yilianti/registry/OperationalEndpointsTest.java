package cn.yilianti.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yilianti.test.ApiClient;
import cn.yilianti.test.OperationalEndpointsContract;
import cn.yilianti.test.RealInfrastructure;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** The registry trusts only the tokens it issues: operations staff get one from it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(trustTestTokens = false)
class OperationalEndpointsTest implements OperationalEndpointsContract {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;

  @Value("${spring.application.name}")
  String applicationName;

  private @Nullable ApiClient ops;

  @Override
  public int port() {
    return port;
  }

  @Override
  public ApiClient api() {
    if (ops == null) {
      TestIdentities identities = new TestIdentities(context, port);
      ops = identities.api(identities.opsToken());
    }
    return ops;
  }

  @Override
  public String applicationName() {
    return applicationName;
  }

  @Test
  void openApiDocumentDescribesTheApiAndTheIssuer() {
    JsonNode doc = ApiClient.localhost(port).get("/v3/api-docs").json();

    assertThat(doc.get("paths").propertyNames())
        .contains(
            "/api/v1/hospitals",
            "/api/v1/hospitals/{code}",
            "/api/v1/hospitals/{code}/history",
            "/api/v1/alliances/{code}/imports",
            "/api/v1/imports/{id}",
            "/api/v1/routing/{code}",
            "/api/v1/routing/check",
            "/api/v1/clients/{clientId}/rotate-secret");
    assertThat(doc.toString()).doesNotContain("\"name\":\"caller\"");
    assertThat(
            doc.at("/components/securitySchemes/his/flows/clientCredentials/tokenUrl").asString())
        .isEqualTo("http://127.0.0.1:8082/oauth2/token");
  }
}
