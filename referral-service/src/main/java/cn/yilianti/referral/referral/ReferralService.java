package cn.yilianti.referral.referral;

import cn.yilianti.events.CloudEvent;
import cn.yilianti.events.referral.ReferralStage;
import cn.yilianti.platform.outbox.OutboxWriter;
import cn.yilianti.platform.security.Caller;
import cn.yilianti.platform.web.ProblemException;
import cn.yilianti.referral.access.ReferralAccess;
import cn.yilianti.referral.deadline.AnswerDeadlines;
import cn.yilianti.referral.protection.PatientCipher;
import cn.yilianti.referral.protection.PatientIdentity;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores referrals and writes their events to the outbox in the same transaction. */
@Service
class ReferralService {

  private static final Logger log = LoggerFactory.getLogger(ReferralService.class);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

  private final ReferralRepository referrals;
  private final HistoryRepository history;
  private final SubmissionChecks checks;
  private final Routing routing;
  private final AnswerDeadlines deadlines;
  private final PatientCipher cipher;
  private final OutboxWriter outbox;
  private final ReferralMapper mapper;
  private final ReferralProperties properties;
  private final Clock clock = Clock.systemUTC();

  ReferralService(
      ReferralRepository referrals,
      HistoryRepository history,
      SubmissionChecks checks,
      Routing routing,
      AnswerDeadlines deadlines,
      PatientCipher cipher,
      OutboxWriter outbox,
      ReferralMapper mapper,
      ReferralProperties properties) {
    this.referrals = referrals;
    this.history = history;
    this.checks = checks;
    this.routing = routing;
    this.deadlines = deadlines;
    this.cipher = cipher;
    this.outbox = outbox;
    this.mapper = mapper;
    this.properties = properties;
  }

  /**
   * Checks and stores a new referral. Not one transaction around everything: the checks read
   * committed rows only, and the referral, its audit row and its event are written by one
   * statement, which commits them together (no connection is held while the request is checked).
   * With an {@code Idempotency-Key} the request runs inside the idempotency filter's transaction
   * instead, so that the stored answer commits with the referral; its connection is then held for
   * the whole request.
   */
  Referral submit(Caller caller, SubmitReferralRequest request) {
    ReferralAccess.requireSender(caller, request.fromHospital());
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    checks.check(request, now);
    Routing.Alliances alliances = routing.check(request);
    checks.checkLinks(caller, request);
    ReferralRepository.Numbered numbered =
        referrals.numberAndDuplicates(
            request.patientKey(),
            request.toHospital(),
            request.toDepartment(),
            now.minus(properties.duplicateWindow()));
    Referral referral =
        new Referral(
            UUID.randomUUID(),
            number(now, numbered.number()),
            request.hisBusinessId(),
            request.direction(),
            request.priority(),
            ReferralStage.SUBMITTED,
            request.fromHospital(),
            request.fromDepartment(),
            request.fromClinician(),
            request.toHospital(),
            request.toDepartment(),
            request.diagnosis().code(),
            request.diagnosis().text(),
            mapper.toDetails(request),
            request.closesReferral(),
            request.rereferralOf(),
            request.patientKey(),
            cipher.seal(request.patient()),
            alliances.main(),
            alliances.all(),
            numbered.duplicates(),
            now,
            deadlines.deadline(request.priority(), now),
            false,
            Answer.NONE,
            now,
            0);
    referrals.insertSubmitted(
        referral,
        caller.subject(),
        caller.hospital(),
        outbox,
        CloudEvent.of(properties.source(), mapper.submitted(referral, now), now));
    log.info(
        "Referral {} submitted {} {} -> {}",
        referral.referralNumber(),
        referral.direction(),
        referral.fromHospital(),
        referral.toHospital());
    return referral;
  }

  @Transactional(readOnly = true)
  Referral get(Caller caller, UUID id) {
    Referral referral =
        referrals.find(id).orElseThrow(() -> ProblemException.notFound("Referral", id));
    ReferralAccess.requireReadable(caller, referral.parties(), id);
    return referral;
  }

  @Transactional(readOnly = true)
  List<HistoryRepository.HistoryEntry> history(Caller caller, UUID id) {
    get(caller, id);
    return history.of(id);
  }

  /** The unmasked identity, for the receiving hospital that admits the patient. */
  @Transactional(readOnly = true)
  PatientIdentity patient(Caller caller, UUID id) {
    Referral referral = get(caller, id);
    ReferralAccess.requireActing(
        caller, referral.parties(), id, ReferralAccess.Side.RECEIVER, false);
    PatientIdentity identity = cipher.open(referral.patient());
    if (identity == null) {
      throw ProblemException.notFound("Patient identity of referral", id);
    }
    log.info(
        "Patient identity of referral {} read by {}", referral.referralNumber(), caller.subject());
    return identity;
  }

  private String number(Instant now, long number) {
    return "R" + DAY.format(now.atZone(properties.zone())) + "-" + String.format("%06d", number);
  }
}
