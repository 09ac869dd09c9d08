package cn.yilianti.notification.channel;

import cn.yilianti.events.registry.ChannelType;
import java.util.Map;
import org.springframework.stereotype.Component;

/** DingTalk group robot: {@code {"msgtype":"markdown","markdown":{"title":...,"text":...}}}. */
@Component
class DingTalkChannel extends GroupRobotChannel {

  DingTalkChannel(HttpTransport http, ContentRenderer renderer) {
    super(http, renderer);
  }

  @Override
  public ChannelType type() {
    return ChannelType.DINGTALK;
  }

  @Override
  Map<String, Object> body(Content content) {
    return Map.of(
        "msgtype",
        "markdown",
        "markdown",
        Map.of("title", content.title(), "text", content.markdown()));
  }
}
