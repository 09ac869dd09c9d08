package cn.yilianti.notification.notice;

/** The two kinds of case a notification is about. */
public enum CaseType {
  REFERRAL,
  CONSULTATION
}
