package cn.yilianti.notification.channel;

import cn.yilianti.events.registry.ChannelType;
import cn.yilianti.notification.delivery.Channel;
import cn.yilianti.notification.delivery.InvalidEndpointException;
import cn.yilianti.notification.delivery.OutgoingMessage;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Email over SMTP: one multipart message with the plain-text and the HTML rendering. */
@Component
class EmailChannel implements Channel {

  private final JavaMailSender mail;
  private final ContentRenderer renderer;
  private final String from;

  EmailChannel(
      JavaMailSender mail,
      ContentRenderer renderer,
      @Value("${notification.mail.from:notification@yilianti.cn}") String from) {
    this.mail = mail;
    this.renderer = renderer;
    this.from = from;
  }

  @Override
  public ChannelType type() {
    return ChannelType.EMAIL;
  }

  @Override
  public boolean perHospitalEndpoint() {
    return false;
  }

  @Override
  public void send(OutgoingMessage message) throws Exception {
    InternetAddress to;
    try {
      to = new InternetAddress(message.address(), true);
    } catch (AddressException e) {
      throw new InvalidEndpointException("malformed email address: " + message.address());
    }
    Content content = renderer.render(message);
    MimeMessage mime = mail.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
    helper.setFrom(from);
    helper.setTo(to);
    helper.setSubject(content.subject());
    helper.setText(content.text(), content.html());
    mime.setHeader("Message-ID", "<" + message.messageId() + "@notification.yilianti.cn>");
    mail.send(mime);
  }
}
