package cn.yilianti.events.registry;

/** Channels the notification service can deliver on. */
public enum ChannelType {
  WEBHOOK,
  EMAIL,
  WECOM,
  DINGTALK,
  SMS
}
