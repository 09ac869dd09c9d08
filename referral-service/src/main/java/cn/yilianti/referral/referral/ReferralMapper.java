package cn.yilianti.referral.referral;

import cn.yilianti.events.referral.ReferralRef;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Maps between API records, the stored referral and event value objects. */
@Mapper
interface ReferralMapper {

  @Mapping(target = "diagnosis.code", source = "diagnosisCode")
  @Mapping(target = "diagnosis.text", source = "diagnosisText")
  ReferralView toView(Referral referral);

  @Mapping(target = "referralId", source = "id")
  ReferralRef toRef(Referral referral);
}
