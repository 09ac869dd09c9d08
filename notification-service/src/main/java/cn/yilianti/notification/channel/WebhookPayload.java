package cn.yilianti.notification.channel;

import cn.yilianti.notification.delivery.OutgoingMessage;
import cn.yilianti.notification.notice.CaseNotice;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The webhook body: {@code {"type", "timestamp", "data"}} as Standard Webhooks suggests, {@code
 * data} holding the case facts an HIS needs to update its record without calling back.
 */
@Component
class WebhookPayload {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final ContentRenderer content;

  WebhookPayload(ContentRenderer content) {
    this.content = content;
  }

  byte[] json(OutgoingMessage m) {
    CaseNotice c = m.notice();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("eventId", m.eventId().toString());
    data.put("caseType", c.caseType().name());
    data.put("caseId", c.caseId().toString());
    data.put("number", c.caseNumber());
    data.put("priority", c.priority().name());
    data.put("fromHospital", c.fromHospital());
    data.put("fromDepartment", c.fromDepartment());
    data.put("toHospital", c.toHospital());
    data.put("toDepartment", c.toDepartment());
    data.put("answerDeadline", c.answerDeadline().toString());
    data.put("patientKey", c.patientKey());
    data.put("escalationLevel", m.escalationLevel());
    data.put("link", content.link(c));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", m.eventType());
    body.put("timestamp", m.eventTime().toString());
    body.put("data", data);
    return JSON.writeValueAsBytes(body);
  }
}
