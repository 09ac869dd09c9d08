package cn.yilianti.referral;

import cn.yilianti.platform.registry.HospitalDirectory;
import cn.yilianti.test.OperationalEndpointsContract;
import cn.yilianti.test.RealInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class OperationalEndpointsTest implements OperationalEndpointsContract {

  @LocalServerPort int port;
  @Autowired HospitalDirectory directory;

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  /** Readiness includes the registry copy, which needs the registry's topic. */
  @BeforeEach
  void registryPublished() {
    TestRegistry.seed(bootstrapServers, directory);
  }

  @Value("${spring.application.name}")
  String applicationName;

  @Override
  public int port() {
    return port;
  }

  @Override
  public String applicationName() {
    return applicationName;
  }
}
