package cn.yilianti.referral.referral;

import cn.yilianti.events.referral.ReferralAccepted;
import cn.yilianti.events.referral.ReferralArrived;
import cn.yilianti.events.referral.ReferralCancelled;
import cn.yilianti.events.referral.ReferralCompleted;
import cn.yilianti.events.referral.ReferralRef;
import cn.yilianti.events.referral.ReferralRejected;
import cn.yilianti.events.referral.ReferralStage;
import cn.yilianti.events.referral.ReferralSubmitted;
import java.time.Instant;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Maps between API records, the stored referral and event value objects. */
@Mapper(uses = PatientMasking.class)
interface ReferralMapper {

  @Mapping(target = "diagnosis.code", source = "diagnosisCode")
  @Mapping(target = "diagnosis.text", source = "diagnosisText")
  @Mapping(target = ".", source = "details")
  @Mapping(target = "patient", source = "patient", qualifiedByName = "masked")
  ReferralView toView(Referral referral);

  ReferralDetails toDetails(SubmitReferralRequest request);

  @Mapping(target = "referralId", source = "id")
  ReferralRef toRef(Referral referral);

  /** The event of a submission; {@code at} is unused and only names the second source. */
  @Mapping(target = "referral", source = "referral")
  ReferralSubmitted submitted(Referral referral, Instant at);

  @Mapping(target = "referral", source = "referral")
  @Mapping(target = "acceptedAt", source = "at")
  @Mapping(target = "department", source = "referral.answer.department")
  @Mapping(target = "appointmentAt", source = "referral.answer.appointmentAt")
  @Mapping(target = "bed", source = "referral.answer.bed")
  ReferralAccepted accepted(Referral referral, Instant at);

  @Mapping(target = "referral", source = "referral")
  @Mapping(target = "reasonCode", source = "referral.answer.reasonCode")
  ReferralRejected rejected(Referral referral, Instant at);

  @Mapping(target = "referral", source = "referral")
  @Mapping(target = "fromStage", source = "fromStage")
  @Mapping(target = "reasonCode", source = "referral.answer.reasonCode")
  ReferralCancelled cancelled(Referral referral, ReferralStage fromStage);

  @Mapping(target = "referral", source = "referral")
  @Mapping(target = "arrivedAt", source = "at")
  ReferralArrived arrived(Referral referral, Instant at);

  @Mapping(target = "referral", source = "referral")
  @Mapping(target = "outcomeCode", source = "referral.answer.outcomeCode")
  ReferralCompleted completed(Referral referral, Instant at);
}
