package cn.yilianti.referral.consultation;

import cn.yilianti.events.consultation.ConsultationRequested;
import cn.yilianti.events.consultation.ConsultationStage;
import cn.yilianti.platform.registry.HospitalDirectory;
import cn.yilianti.platform.registry.RoutingRules;
import cn.yilianti.platform.security.Caller;
import cn.yilianti.platform.web.FieldProblem;
import cn.yilianti.platform.web.ProblemException;
import cn.yilianti.referral.deadline.AnswerDeadlines;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores consultation requests and writes their events to the outbox in the same transaction. */
@Service
class ConsultationService {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

  private final ConsultationRepository consultations;
  private final ConsultationHistoryRepository history;
  private final ConsultationAccess access;
  private final HospitalDirectory directory;
  private final ConsultationOutbox outbox;
  private final ConsultationMapper mapper;
  private final AnswerDeadlines deadlines;
  private final Clock clock = Clock.systemUTC();

  ConsultationService(
      ConsultationRepository consultations,
      ConsultationHistoryRepository history,
      ConsultationAccess access,
      HospitalDirectory directory,
      ConsultationOutbox outbox,
      ConsultationMapper mapper,
      AnswerDeadlines deadlines) {
    this.consultations = consultations;
    this.history = history;
    this.access = access;
    this.directory = directory;
    this.outbox = outbox;
    this.mapper = mapper;
    this.deadlines = deadlines;
  }

  @Transactional
  Consultation request(Caller caller, ConsultationRequest request) {
    access.requireRequester(caller, request.fromHospital());
    if (request.fromHospital().equals(request.toHospital())) {
      throw ProblemException.invalid(
          "toHospital", "different", "must be another hospital than fromHospital");
    }
    requireProvider(request);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Consultation consultation =
        new Consultation(
            UUID.randomUUID(),
            number(now),
            request.type(),
            request.priority(),
            ConsultationStage.REQUESTED,
            request.fromHospital(),
            request.fromDepartment(),
            request.fromClinician(),
            request.toHospital(),
            request.toDepartment(),
            request.diagnosis().code(),
            request.diagnosis().text(),
            request.question(),
            request.attachmentList(),
            request.patientKey(),
            now,
            deadlines.deadline(request.priority(), now),
            null,
            null,
            null,
            null,
            null,
            null,
            0);
    consultations.insert(consultation);
    history.append(
        consultation.id(),
        new HistoryEntry(
            "REQUESTED",
            null,
            ConsultationStage.REQUESTED,
            caller.subject(),
            caller.hospital(),
            null,
            null,
            now));
    outbox.append(
        new ConsultationRequested(
            mapper.toRef(consultation), consultation.diagnosisCode(), consultation.patientKey()),
        now);
    return consultation;
  }

  @Transactional(readOnly = true)
  Consultation get(Caller caller, UUID id) {
    return access.readable(caller, find(id));
  }

  @Transactional(readOnly = true)
  List<HistoryEntry> history(Caller caller, UUID id) {
    access.readable(caller, find(id));
    return history.of(id);
  }

  private Consultation find(UUID id) {
    return consultations.find(id).orElseThrow(() -> ProblemException.notFound("Consultation", id));
  }

  /** The receiving hospital must offer this consultation type to the sender (registry rules). */
  private void requireProvider(ConsultationRequest request) {
    boolean offered =
        RoutingRules.of(directory.all())
            .consultationProviders(request.fromHospital(), request.type())
            .stream()
            .anyMatch(h -> h.code().equals(request.toHospital()));
    if (!offered) {
      String message =
          request.toHospital()
              + " does not offer "
              + request.type()
              + " consultations to "
              + request.fromHospital();
      throw new ProblemException(
              HttpStatus.UNPROCESSABLE_CONTENT, "consultation-not-offered", message)
          .with("errors", List.of(new FieldProblem("toHospital", "provider", message)));
    }
  }

  private String number(Instant now) {
    ZoneId zone = RoutingRules.ALLIANCE_ZONE;
    return "C"
        + DAY.format(now.atZone(zone))
        + "-"
        + String.format("%06d", consultations.nextNumber());
  }

  static URI location(UUID id) {
    return URI.create("/api/v1/consultations/" + id);
  }
}
