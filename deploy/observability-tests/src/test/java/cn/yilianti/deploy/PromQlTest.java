package cn.yilianti.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yilianti.deploy.PromQl.Selector;
import org.junit.jupiter.api.Test;

class PromQlTest {

  @Test
  void findsTheSelectorsBehindFunctionsAggregationsAndOperators() {
    String expr =
        """
        sum by (application, topic) (rate(outbox_published_total{application=~"$application"}[$__rate_interval]))
          / on (application) group_left sum without (instance) (up{job="referral-service"}) > 0.5
          or absent(up) unless vector(1) offset 15m
        """;

    assertThat(PromQl.selectors(expr))
        .containsExactly(
            new Selector("outbox_published_total", "{application=~\"$application\"}"),
            new Selector("up", "{job=\"referral-service\"}"),
            new Selector("up", ""));
  }

  @Test
  void leavesStringsAndEscapedRegularExpressionsAlone() {
    String expr =
        """
        sum by (application, topic) (label_replace(kafka_producer_record_send_total{spring_id=~".+\\\\.dlq\\\\.producer\\\\..+"},
          "topic", "$1", "spring_id", "(.+)\\\\.dlq\\\\.producer\\\\..+"))
        """;

    assertThat(PromQl.selectors(expr))
        .singleElement()
        .satisfies(s -> assertThat(s.metric()).isEqualTo("kafka_producer_record_send_total"))
        .satisfies(
            s -> assertThat(s.has("spring_id=~\".+\\\\.dlq\\\\.producer\\\\..+\"")).isTrue());
  }

  @Test
  void readsGrafanaVariablesAsAllValuesAndLabelValuesAsAGroupingQuery() {
    assertThat(PromQl.forEvaluation("x{alliance=~\"$alliance\"}[$__range]"))
        .isEqualTo("x{alliance=~\".*\"}[15m]");
    assertThat(
            PromQl.labelValuesQuery(
                "label_values(jvm_info{application=~\"$application\"}, instance)"))
        .isEqualTo("group by (instance) (jvm_info{application=~\"$application\"})");
  }
}
