package cn.yilianti.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What every service offers operators, checked the same way for each: implement it in a
 * {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} class of the service.
 */
public interface OperationalEndpointsContract {

  /** The port the service under test listens on. */
  int port();

  /** The service over real HTTP, as operations staff (probes and metrics need no token). */
  default ApiClient api() {
    return ApiClient.localhost(port())
        .withHeader("Authorization", TestTokens.bearer(TestTokens.ops()));
  }

  /** Its {@code spring.application.name}. */
  String applicationName();

  @Test
  default void readinessAndLivenessProbesAreUp() {
    assertThat(api().get("/actuator/health/readiness").json().get("status").asString())
        .isEqualTo("UP");
    assertThat(api().get("/actuator/health/liveness").json().get("status").asString())
        .isEqualTo("UP");
  }

  @Test
  default void prometheusEndpointExportsJvmAndHttpMetricsTaggedWithTheApplication() {
    api().get("/actuator/health");
    ApiClient.Response response = api().get("/actuator/prometheus");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body())
        .contains("jvm_memory_used_bytes{")
        .contains("hikaricp_connections_active{")
        .contains("application=\"" + applicationName() + "\"");
  }

  @Test
  default void infoEndpointNamesTheBuild() {
    var info = api().get("/actuator/info").json();
    assertThat(info.at("/build/artifact").asString()).isEqualTo(applicationName());
    assertThat(info.at("/build/version").asString()).isNotBlank();
    assertThat(info.at("/java/version").asString()).startsWith("25");
  }

  @Test
  default void openApiDocumentIsServed() {
    ApiClient.Response response = api().get("/v3/api-docs");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("openapi").asString()).startsWith("3.1");
  }

  @Test
  default void unknownRouteIsA404Problem() {
    ApiClient.Response response = api().get("/api/v1/no-such-thing");
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.json().get("status").asInt()).isEqualTo(404);
  }
}
