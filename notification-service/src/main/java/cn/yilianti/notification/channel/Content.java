package cn.yilianti.notification.channel;

/** One message rendered for every channel's format, in the recipient hospital's language. */
public record Content(
    String language,
    String title,
    String subject,
    String text,
    String html,
    String markdown,
    String sms) {}
