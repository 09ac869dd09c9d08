package cn.yilianti.test;

import cn.yilianti.test.RealInfrastructure.Broker;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/** Applies {@link RealInfrastructure}: registered in {@code META-INF/spring.factories}. */
class RealInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

  @Override
  public @Nullable ContextCustomizer createContextCustomizer(
      Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
    MergedAnnotation<RealInfrastructure> annotation =
        MergedAnnotations.from(testClass, SearchStrategy.TYPE_HIERARCHY)
            .get(RealInfrastructure.class);
    return annotation.isPresent()
        ? new Customizer(
            annotation.getEnum("broker", Broker.class), annotation.getBoolean("trustTestTokens"))
        : null;
  }

  /** Equal for equal brokers, so test classes with the same setup share one cached context. */
  private record Customizer(Broker broker, boolean trustTestTokens) implements ContextCustomizer {

    @Override
    public void customizeContext(
        ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
      TestInfrastructure infrastructure = TestInfrastructure.get();
      String database = infrastructure.createDatabase();
      String kafka =
          broker == Broker.RESTARTABLE
              ? infrastructure.restartableKafka().bootstrapServers()
              : infrastructure.kafkaBootstrapServers();
      TestPropertyValues.of(
              "spring.datasource.url=" + infrastructure.postgres().jdbcUrl(database),
              "spring.datasource.username=" + infrastructure.postgres().user(),
              "spring.datasource.password=" + infrastructure.postgres().password(),
              // Cached test contexts keep their pools open: keep each one small.
              "spring.datasource.hikari.maximum-pool-size=6",
              "spring.datasource.hikari.minimum-idle=1",
              "spring.kafka.bootstrap-servers=" + kafka)
          .applyTo(context);
      if (trustTestTokens) {
        context.getBeanFactory().registerSingleton("testTokensJwtDecoder", TestTokens.jwtDecoder());
      }
      context.addApplicationListener(
          (ContextClosedEvent event) -> {
            if (event.getApplicationContext() == context) {
              infrastructure.postgres().dropDatabase(database);
            }
          });
    }
  }
}
