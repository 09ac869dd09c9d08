package cn.yilianti.events;

/**
 * Payload of one CloudEvent. Implementations are immutable records named in the past tense; they
 * carry ids and codes only, never a patient's name, ID-card number or phone. Every implementation
 * is listed in {@link EventCatalog}.
 */
public interface PlatformEvent {

  /**
   * Kafka record key and CloudEvents subject: all events of one case share it and stay in order.
   */
  String key();

  /** Topic the event is published on. */
  String topic();
}
