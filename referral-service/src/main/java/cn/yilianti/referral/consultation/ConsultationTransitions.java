package cn.yilianti.referral.consultation;

import cn.yilianti.events.consultation.ConsultationStage;
import cn.yilianti.platform.security.Caller;
import cn.yilianti.platform.web.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The state machine: REQUESTED → SCHEDULED → COMPLETED, or DECLINED / CANCELLED from either open
 * state. Each transition locks the row, checks the caller, the state and If-Match, and writes the
 * new state, one audit row and one event in one transaction.
 */
@Service
class ConsultationTransitions {

  private static final Set<ConsultationStage> OPEN =
      EnumSet.of(ConsultationStage.REQUESTED, ConsultationStage.SCHEDULED);

  private final ConsultationRepository consultations;
  private final ConsultationHistoryRepository history;
  private final ConsultationAccess access;
  private final ConsultationOutbox outbox;
  private final ConsultationMapper mapper;
  private final Clock clock = Clock.systemUTC();

  ConsultationTransitions(
      ConsultationRepository consultations,
      ConsultationHistoryRepository history,
      ConsultationAccess access,
      ConsultationOutbox outbox,
      ConsultationMapper mapper) {
    this.consultations = consultations;
    this.history = history;
    this.access = access;
    this.outbox = outbox;
    this.mapper = mapper;
  }

  @Transactional
  Consultation schedule(
      Caller caller, UUID id, @Nullable String ifMatch, TransitionRequests.Schedule r) {
    return apply(
        caller,
        id,
        ifMatch,
        true,
        EnumSet.of(ConsultationStage.REQUESTED),
        null,
        null,
        c -> c.scheduled(r.scheduledAt().truncatedTo(ChronoUnit.MICROS), r.expert()));
  }

  @Transactional
  Consultation complete(
      Caller caller, UUID id, @Nullable String ifMatch, TransitionRequests.Complete r) {
    if ((r.reportText() == null || r.reportText().isBlank()) && r.reportUrl() == null) {
      throw ProblemException.invalid(
          "reportText", "required", "give the report as reportText, reportUrl or both");
    }
    return apply(
        caller,
        id,
        ifMatch,
        true,
        EnumSet.of(ConsultationStage.SCHEDULED),
        null,
        null,
        c -> c.completed(r.reportText(), r.reportUrl()));
  }

  @Transactional
  Consultation decline(
      Caller caller, UUID id, @Nullable String ifMatch, TransitionRequests.Decline r) {
    return apply(
        caller,
        id,
        ifMatch,
        true,
        OPEN,
        r.reasonCode(),
        r.comment(),
        c -> c.ended(ConsultationStage.DECLINED, r.reasonCode(), r.comment()));
  }

  @Transactional
  Consultation cancel(
      Caller caller, UUID id, @Nullable String ifMatch, TransitionRequests.Cancel r) {
    return apply(
        caller,
        id,
        ifMatch,
        false,
        OPEN,
        r.reasonCode(),
        null,
        c -> c.ended(ConsultationStage.CANCELLED, r.reasonCode(), null));
  }

  private Consultation apply(
      Caller caller,
      UUID id,
      @Nullable String ifMatch,
      boolean byReceiver,
      Set<ConsultationStage> from,
      @Nullable String reasonCode,
      @Nullable String comment,
      UnaryOperator<Consultation> change) {
    Consultation before =
        access.readable(
            caller,
            consultations
                .lock(id)
                .orElseThrow(() -> ProblemException.notFound("Consultation", id)));
    if (byReceiver) {
      access.requireAnswerer(caller, before);
    } else {
      access.requireRequester(caller, before.fromHospital());
    }
    requireVersion(before, ifMatch);
    if (!from.contains(before.status())) {
      throw ProblemException.conflict(
              "illegal-transition",
              "A consultation in status " + before.status() + " cannot move this way")
          .with("currentStatus", before.status().name());
    }
    Consultation after = change.apply(before);
    consultations.update(after);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    history.append(
        id,
        new HistoryEntry(
            after.status().name(),
            before.status(),
            after.status(),
            caller.subject(),
            caller.hospital(),
            reasonCode,
            comment,
            now));
    outbox.append(ConsultationEvents.of(after, mapper.toRef(after)), now);
    return after;
  }

  /** If-Match is optional; when sent it must name the version the caller last read. */
  private static void requireVersion(Consultation current, @Nullable String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
      return;
    }
    String tag = ifMatch.trim().startsWith("W/") ? ifMatch.trim().substring(2) : ifMatch.trim();
    if (!tag.equals(current.etag())) {
      throw new ProblemException(
              HttpStatus.PRECONDITION_FAILED,
              "stale-version",
              "The consultation changed since it was read; read it again")
          .with("currentETag", current.etag())
          .with("currentStatus", current.status().name());
    }
  }
}
