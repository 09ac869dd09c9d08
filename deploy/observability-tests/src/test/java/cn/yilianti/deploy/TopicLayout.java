package cn.yilianti.deploy;

import cn.yilianti.events.Topics;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The partition count of every topic as the services declare them (event-contracts and
 * platform-support), which every deployment that creates topics must repeat.
 */
final class TopicLayout {

  /** platform-support's KafkaTopicsAutoConfiguration gives the compacted registry topic 3. */
  static final int REGISTRY_PARTITIONS = 3;

  private static final Pattern CREATE = Pattern.compile("(?m)^\\s*create ([a-z-]+) (\\d+)(.*)$");

  static Map<String, Integer> expected() {
    Map<String, Integer> partitions = new LinkedHashMap<>();
    Topics.CASE_TOPICS.forEach(topic -> partitions.put(topic, Topics.DEFAULT_PARTITIONS));
    partitions.put(Topics.HOSPITAL_REGISTRY, REGISTRY_PARTITIONS);
    return partitions;
  }

  /** The {@code create <topic> <partitions>} lines of a topic script. */
  static Map<String, Integer> createdBy(String script) {
    Map<String, Integer> partitions = new LinkedHashMap<>();
    Matcher m = CREATE.matcher(script);
    while (m.find()) {
      partitions.put(m.group(1), Integer.parseInt(m.group(2)));
    }
    return partitions;
  }

  /** The options of the registry topic's create line, e.g. its cleanup policy. */
  static String registryOptions(String script) {
    Matcher m = CREATE.matcher(script);
    while (m.find()) {
      if (m.group(1).equals(Topics.HOSPITAL_REGISTRY)) {
        return m.group(3);
      }
    }
    return "";
  }

  private TopicLayout() {}
}
