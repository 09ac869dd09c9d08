package cn.yilianti.notification.channel;

import cn.yilianti.events.registry.ChannelType;
import java.util.Map;
import org.springframework.stereotype.Component;

/** WeCom group robot: {@code {"msgtype":"markdown","markdown":{"content":...}}}. */
@Component
class WeComChannel extends GroupRobotChannel {

  WeComChannel(HttpTransport http, ContentRenderer renderer) {
    super(http, renderer);
  }

  @Override
  public ChannelType type() {
    return ChannelType.WECOM;
  }

  @Override
  Map<String, Object> body(Content content) {
    return Map.of("msgtype", "markdown", "markdown", Map.of("content", content.markdown()));
  }
}
