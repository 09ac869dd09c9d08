package cn.yilianti.referral.referral;

import cn.yilianti.events.CloudEvent;
import cn.yilianti.events.referral.ReferralStage;
import cn.yilianti.events.referral.ReferralSubmitted;
import cn.yilianti.platform.outbox.OutboxWriter;
import cn.yilianti.platform.web.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores referrals and writes their events to the outbox in the same transaction. */
@Service
class ReferralService {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

  private final ReferralRepository referrals;
  private final OutboxWriter outbox;
  private final ReferralMapper mapper;
  private final ReferralProperties properties;
  private final Clock clock;

  ReferralService(
      ReferralRepository referrals,
      OutboxWriter outbox,
      ReferralMapper mapper,
      ReferralProperties properties) {
    this.referrals = referrals;
    this.outbox = outbox;
    this.mapper = mapper;
    this.properties = properties;
    this.clock = Clock.systemUTC();
  }

  @Transactional
  Referral submit(SubmitReferralRequest request) {
    if (request.fromHospital().equals(request.toHospital())) {
      throw ProblemException.invalid(
          "toHospital", "different", "must be another hospital than fromHospital");
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    String number =
        "R"
            + DAY.format(now.atZone(properties.zone()))
            + "-"
            + String.format("%06d", referrals.nextNumber());
    Referral referral =
        new Referral(
            UUID.randomUUID(),
            number,
            request.direction(),
            request.priority(),
            ReferralStage.SUBMITTED,
            request.fromHospital(),
            request.fromDepartment(),
            request.toHospital(),
            request.toDepartment(),
            request.diagnosis().code(),
            request.diagnosis().text(),
            request.patientKey(),
            now,
            now.plus(properties.answerDeadlines().of(request.priority())),
            0);
    referrals.insert(referral);
    outbox.append(
        CloudEvent.of(
            properties.source(),
            new ReferralSubmitted(
                mapper.toRef(referral),
                referral.diagnosisCode(),
                referral.patientKey(),
                null,
                null),
            now));
    return referral;
  }

  @Transactional(readOnly = true)
  Referral get(UUID id) {
    return referrals.find(id).orElseThrow(() -> ProblemException.notFound("Referral", id));
  }
}
