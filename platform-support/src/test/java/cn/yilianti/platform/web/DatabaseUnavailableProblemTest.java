package cn.yilianti.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

class DatabaseUnavailableProblemTest {

  private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();

  @Test
  void noFreeConnectionIsA503WithRetryAfterNotA500() {
    for (Exception e :
        new Exception[] {
          new CannotGetJdbcConnectionException("Connection is not available"),
          new CannotCreateTransactionException("Could not open JDBC Connection")
        }) {
      ResponseEntity<ProblemDetail> answer = advice.databaseUnavailable(e);

      assertThat(answer.getStatusCode().value()).isEqualTo(503);
      assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
      assertThat(answer.getBody()).isNotNull();
      assertThat(answer.getBody().getType().toString()).endsWith("service-unavailable");
      assertThat(answer.getBody().getDetail()).contains("nothing was saved");
    }
  }
}
