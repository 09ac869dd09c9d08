package cn.yilianti.registry.identity;

import static cn.yilianti.registry.RegistryFixtures.alliance;
import static cn.yilianti.registry.RegistryFixtures.hospital;
import static cn.yilianti.registry.RegistryFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yilianti.registry.TestIdentities;
import cn.yilianti.test.ApiClient;
import cn.yilianti.test.RealInfrastructure;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * With a short token lifetime (and no clock skew), a revoked HIS client is refused at the token
 * endpoint at once and by the API as soon as its last token expires: within one token lifetime.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"registry.identity.access-token-ttl=4s", "registry.identity.clock-skew=0s"})
@RealInfrastructure(trustTestTokens = false)
class RevokedClientTokenLifetimeTest {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;

  @Test
  void revokedClientIsRefusedEverywhereWithinOneTokenLifetime() {
    TestIdentities identities = new TestIdentities(context, port);
    String alliance = unique("A");
    identities.api(identities.managerToken()).post("/api/v1/alliances", alliance(alliance));
    ApiClient manager = identities.api(identities.managerToken(alliance));
    String code = unique("H");
    manager.post("/api/v1/hospitals", hospital(code, "SECONDARY_A", null, alliance));
    IssuedSecret his = identities.hisClient(code);
    ApiClient asHis = identities.api(identities.accessToken(his));
    assertThat(asHis.get("/api/v1/hospitals/" + code).status()).isEqualTo(200);

    manager.post("/api/v1/clients/" + his.clientId() + "/revoke", "");

    assertThat(identities.token(his.clientId(), his.clientSecret()).status()).isEqualTo(401);
    // Its token still works until it expires (4 s); a token living longer would fail the wait.
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> assertThat(asHis.get("/api/v1/hospitals/" + code).status()).isEqualTo(401));
  }
}
