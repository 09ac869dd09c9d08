package cn.yilianti.registry.alliance;

/** 医联体 (a medical alliance led by a tertiary hospital) or 医共体 (a county medical community). */
public enum AllianceKind {
  MEDICAL_ALLIANCE,
  COUNTY_MEDICAL_COMMUNITY
}
