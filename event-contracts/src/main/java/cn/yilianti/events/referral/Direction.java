package cn.yilianti.events.referral;

import cn.yilianti.events.Topics;

/** 上转 (UP: to a higher-level hospital) or 下转 (DOWN: to a lower level or rehabilitation). */
public enum Direction {
  UP(Topics.REFERRAL_UP),
  DOWN(Topics.REFERRAL_DOWN);

  private final String topic;

  Direction(String topic) {
    this.topic = topic;
  }

  public String topic() {
    return topic;
  }
}
