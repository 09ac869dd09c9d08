package cn.yilianti.registry;

import cn.yilianti.test.ApiClient;
import cn.yilianti.test.OperationalEndpointsContract;
import cn.yilianti.test.RealInfrastructure;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

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
}
