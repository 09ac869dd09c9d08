package cn.yilianti.referral.consultation;

import cn.yilianti.events.consultation.ConsultationRef;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Maps between API records, the stored consultation and event value objects. */
@Mapper
interface ConsultationMapper {

  @Mapping(target = "diagnosis.code", source = "diagnosisCode")
  @Mapping(target = "diagnosis.text", source = "diagnosisText")
  ConsultationView toView(Consultation consultation);

  @Mapping(target = "consultationId", source = "id")
  ConsultationRef toRef(Consultation consultation);
}
