package cn.yilianti.system.scenario;

import java.time.Duration;

/**
 * One row of the fault matrix: steady load at {@code rate} calls per second; the fault after {@code
 * before}, repaired after {@code during}; the load goes on for {@code after} once it is repaired.
 */
public record Scenario(
    String name,
    String description,
    Fault fault,
    double rate,
    Duration before,
    Duration during,
    Duration after) {}
