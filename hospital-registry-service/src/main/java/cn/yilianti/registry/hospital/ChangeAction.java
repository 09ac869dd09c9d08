package cn.yilianti.registry.hospital;

/** What a change in the history did. */
public enum ChangeAction {
  CREATED,
  UPDATED,
  SUSPENDED,
  REACTIVATED,
  REMOVED,
  IMPORTED
}
