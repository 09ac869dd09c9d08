package cn.yilianti.referral.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class ConsultationDeadlineIntegrationTest extends ConsultationIntegrationTestBase {

  @Autowired ConsultationRepository consultations;
  @Autowired ConsultationHistoryRepository history;
  @Autowired ConsultationOutbox outbox;
  @Autowired ConsultationMapper mapper;
  @Autowired TransactionTemplate tx;

  @Test
  void overdueRequestPublishesDeadlinePassedOnceEvenWithTwoReplicasSweeping() throws Exception {
    String overdue = requested();
    String answered = scheduled();
    for (String id : new String[] {overdue, answered}) {
      jdbc.sql(
              "update consultation set answer_deadline = now() - interval '1 minute'"
                  + " where id = cast(:id as uuid)")
          .param("id", id)
          .update();
    }
    // Two replicas: two sweeps with their own transactions, started together, then once more.
    ConsultationDeadlineSweep a = replica();
    ConsultationDeadlineSweep b = replica();
    CyclicBarrier start = new CyclicBarrier(2);
    CompletableFuture<Void> first = CompletableFuture.runAsync(() -> sweepAfter(start, a));
    CompletableFuture<Void> second = CompletableFuture.runAsync(() -> sweepAfter(start, b));
    CompletableFuture.allOf(first, second).join();
    a.sweep();

    assertThat(deadlineEvents(overdue)).isEqualTo(1);
    assertThat(deadlineEvents(answered)).isZero();
    assertThat(
            count(
                "select count(*) from consultation where id = cast(:id as uuid)"
                    + " and deadline_passed_at is not null and status = 'REQUESTED'",
                overdue))
        .isEqualTo(1);
    assertThat(
            countyHis()
                .get("/api/v1/consultations/" + overdue + "/history")
                .json()
                .get(1)
                .get("action")
                .asString())
        .isEqualTo("ANSWER_DEADLINE_PASSED");
  }

  private ConsultationDeadlineSweep replica() {
    return new ConsultationDeadlineSweep(consultations, history, outbox, mapper, tx);
  }

  private static void sweepAfter(CyclicBarrier start, ConsultationDeadlineSweep sweep) {
    try {
      start.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    sweep.sweep();
  }

  private int deadlineEvents(String id) {
    return count(
        "select count(*) from outbox_event where record_key = :id"
            + " and event_type = 'cn.yilianti.consultation.answer-deadline-passed.v1'",
        id);
  }
}
