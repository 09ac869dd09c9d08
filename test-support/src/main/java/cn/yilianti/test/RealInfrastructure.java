package cn.yilianti.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives the Spring test context its own fresh PostgreSQL database (dropped when the context closes)
 * and a real Kafka broker. Put it on a {@code @SpringBootTest} class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface RealInfrastructure {

  /** Which broker the context talks to. */
  Broker broker() default Broker.SHARED;

  /**
   * Registers a {@code JwtDecoder} that trusts {@link TestTokens}. Off only for a service that
   * validates the tokens it issues itself.
   */
  boolean trustTestTokens() default true;

  /** The broker a test context uses. */
  enum Broker {
    /** One broker for the whole test JVM (in-process KRaft or a container). */
    SHARED,
    /** A broker in its own process that a test may stop, kill and start again. */
    RESTARTABLE
  }
}
