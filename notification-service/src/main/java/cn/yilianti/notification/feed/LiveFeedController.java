package cn.yilianti.notification.feed;

import cn.yilianti.platform.security.Caller;
import cn.yilianti.platform.security.Role;
import cn.yilianti.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** {@code GET /api/v1/notifications/stream}: a coordinator's live feed of their notifications. */
@RestController
class LiveFeedController {

  private final LiveFeed feed;

  LiveFeedController(LiveFeed feed) {
    this.feed = feed;
  }

  @GetMapping(path = "/api/v1/notifications/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter stream(Caller caller) {
    String hospital = caller.hospital();
    if (!caller.has(Role.COORDINATOR) || hospital == null) {
      throw new ProblemException(
          HttpStatus.FORBIDDEN, "forbidden", "the live feed is for a hospital's coordinators");
    }
    return feed.subscribe(caller, hospital);
  }
}
