package cn.yilianti.events.registry;

/** What kind of institution a member is. */
public enum HospitalKind {
  GENERAL,
  TCM,
  MATERNAL_AND_CHILD,
  COMMUNITY_HEALTH_CENTRE,
  TOWNSHIP_HEALTH_CENTRE,
  VILLAGE_CLINIC,
  REHABILITATION_AND_NURSING
}
