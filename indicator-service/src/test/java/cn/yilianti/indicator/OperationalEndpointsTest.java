package cn.yilianti.indicator;

import cn.yilianti.test.OperationalEndpointsContract;
import cn.yilianti.test.RealInfrastructure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class OperationalEndpointsTest implements OperationalEndpointsContract {

  @LocalServerPort int port;

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
