package cn.yilianti.events.registry;

/** How a member is bound to an alliance: the core (lead) hospital, tight (紧密型) or loose (松散型). */
public enum MembershipRole {
  CORE,
  TIGHT,
  LOOSE
}
