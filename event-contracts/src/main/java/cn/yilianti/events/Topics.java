package cn.yilianti.events;

import java.util.List;

/** Kafka topic names. Partition counts are the defaults the platform creates them with. */
public final class Topics {

  public static final String REFERRAL_UP = "referral-up";
  public static final String REFERRAL_DOWN = "referral-down";
  public static final String CONSULTATION = "consultation";

  /** Compacted: key = hospital code, value = the hospital's full current state, null = removed. */
  public static final String HOSPITAL_REGISTRY = "hospital-registry";

  public static final int DEFAULT_PARTITIONS = 6;

  public static final List<String> CASE_TOPICS = List.of(REFERRAL_UP, REFERRAL_DOWN, CONSULTATION);

  public static final List<String> ALL =
      List.of(REFERRAL_UP, REFERRAL_DOWN, CONSULTATION, HOSPITAL_REGISTRY);

  /** Dead-letter topic of one consumer group reading one topic. */
  public static String deadLetter(String topic, String group) {
    return topic + "." + group + ".dlt";
  }

  private Topics() {}
}
