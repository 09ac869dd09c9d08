package cn.yilianti.notification.intake;

import cn.yilianti.events.consultation.ConsultationRef;
import cn.yilianti.events.referral.ReferralRef;
import cn.yilianti.notification.notice.CaseNotice;
import org.jspecify.annotations.Nullable;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Event references to the service's one view of a case. */
@Mapper(componentModel = "spring")
interface CaseNoticeMapper {

  @Mapping(target = "caseId", source = "ref.referralId")
  @Mapping(target = "caseType", constant = "REFERRAL")
  @Mapping(target = "caseNumber", source = "ref.referralNumber")
  CaseNotice referral(ReferralRef ref, @Nullable String patientKey);

  @Mapping(target = "caseId", source = "ref.consultationId")
  @Mapping(target = "caseType", constant = "CONSULTATION")
  @Mapping(target = "caseNumber", source = "ref.consultationNumber")
  @Mapping(target = "fromDepartment", ignore = true)
  CaseNotice consultation(ConsultationRef ref, @Nullable String patientKey);
}
