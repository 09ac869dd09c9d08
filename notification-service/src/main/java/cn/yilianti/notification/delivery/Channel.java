package cn.yilianti.notification.delivery;

import cn.yilianti.events.registry.ChannelType;

/** One way to tell someone; every channel sends one message per call and throws on failure. */
public interface Channel {

  ChannelType type();

  /**
   * Whether each hospital's endpoint has its own circuit breaker and bulkhead (webhooks, group
   * robots) rather than one for the channel (a shared SMTP server or SMS gateway).
   */
  boolean perHospitalEndpoint();

  /**
   * Sends once. Throws {@link InvalidEndpointException} when the endpoint configuration can never
   * work, and any other exception for a failure worth retrying.
   */
  void send(OutgoingMessage message) throws Exception;
}
