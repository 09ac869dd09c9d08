package cn.yilianti.referral.referral;

import cn.yilianti.events.CloudEvent;
import cn.yilianti.events.referral.ReferralEvent;
import cn.yilianti.events.referral.ReferralExpired;
import cn.yilianti.events.referral.ReferralNoShow;
import cn.yilianti.events.referral.ReferralStage;
import cn.yilianti.platform.outbox.OutboxWriter;
import cn.yilianti.platform.security.Caller;
import cn.yilianti.platform.web.ProblemException;
import cn.yilianti.referral.access.ReferralAccess;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves referrals through the state machine: the row locked, the caller's right and the expected
 * version checked, then the new stage, one audit row and one event in one transaction.
 */
@Service
class ReferralLifecycle {

  private final ReferralRepository referrals;
  private final HistoryRepository history;
  private final OutboxWriter outbox;
  private final ReferralMapper mapper;
  private final ReferralProperties properties;
  private final Clock clock = Clock.systemUTC();

  ReferralLifecycle(
      ReferralRepository referrals,
      HistoryRepository history,
      OutboxWriter outbox,
      ReferralMapper mapper,
      ReferralProperties properties) {
    this.referrals = referrals;
    this.history = history;
    this.outbox = outbox;
    this.mapper = mapper;
    this.properties = properties;
  }

  /** A change asked for over the API; {@code answer} gives the answer that results. */
  @Transactional
  Referral apply(
      Caller caller,
      UUID id,
      Transition transition,
      @Nullable Integer expectedVersion,
      java.util.function.UnaryOperator<Answer> answer,
      @Nullable String reasonCode,
      @Nullable String comment) {
    Referral current =
        referrals.lock(id).orElseThrow(() -> ProblemException.notFound("Referral", id));
    ReferralAccess.Side side = transition.side();
    if (side == null) {
      ReferralAccess.requireReadable(caller, current.parties(), id);
      throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "no caller may do this");
    }
    ReferralAccess.requireActing(caller, current.parties(), id, side, transition.isAnswer());
    if (expectedVersion != null && expectedVersion != current.version()) {
      throw new ProblemException(
              HttpStatus.PRECONDITION_FAILED,
              "stale-version",
              "the referral changed since version " + expectedVersion)
          .with("currentVersion", current.version())
          .with("currentStatus", current.status());
    }
    return move(current, transition, caller, answer.apply(current.answer()), reasonCode, comment);
  }

  /** Expires an unanswered referral the sweep has locked; false when it was answered meanwhile. */
  @Transactional
  boolean expire(UUID id) {
    Referral current = referrals.lock(id).orElseThrow();
    if (!Transition.EXPIRE.leavesFrom(current.status())) {
      return false;
    }
    move(current, Transition.EXPIRE, null, current.answer(), null, null);
    return true;
  }

  private Referral move(
      Referral current,
      Transition transition,
      @Nullable Caller caller,
      Answer answer,
      @Nullable String reasonCode,
      @Nullable String comment) {
    if (!transition.leavesFrom(current.status())) {
      throw ProblemException.conflict(
              "illegal-transition",
              "a referral in status " + current.status() + " cannot be moved to " + transition.to())
          .with("currentStatus", current.status())
          .with("transition", transition);
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Referral moved = current.moved(transition.to(), answer, now);
    referrals.updateStage(moved);
    history.record(moved, caller, current.status(), reasonCode, comment, now);
    outbox.append(
        CloudEvent.of(properties.source(), event(transition, moved, current.status(), now), now));
    return moved;
  }

  private ReferralEvent event(Transition t, Referral r, ReferralStage from, Instant now) {
    return switch (t) {
      case ACCEPT -> mapper.accepted(r, now);
      case REJECT -> mapper.rejected(r, now);
      case CANCEL -> mapper.cancelled(r, from);
      case ARRIVE -> mapper.arrived(r, now);
      case COMPLETE -> mapper.completed(r, now);
      case NO_SHOW -> new ReferralNoShow(mapper.toRef(r));
      case EXPIRE -> new ReferralExpired(mapper.toRef(r));
    };
  }
}
