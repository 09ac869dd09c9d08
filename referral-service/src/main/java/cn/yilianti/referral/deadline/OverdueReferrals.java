package cn.yilianti.referral.deadline;

import cn.yilianti.events.referral.Direction;
import cn.yilianti.events.referral.Priority;
import java.time.Duration;
import java.util.List;

/**
 * What the sweep asks of the referrals: claim passed deadlines and expire the long-overdue, each
 * call one transaction whose rows no other replica can claim at the same time.
 */
public interface OverdueReferrals {

  /** Flags up to {@code limit} passed deadlines and emits their events; returns their labels. */
  List<Labels> passDeadlines(int limit);

  /** Expires up to {@code limit} referrals unanswered {@code grace} after their deadline. */
  int expire(Duration grace, int limit);

  /** Unanswered referrals and how many of them are overdue, by labels. */
  List<Backlog> backlog();

  /** What the metrics count a referral under. */
  record Labels(String alliance, Direction direction, Priority priority) {}

  record Backlog(Labels labels, long unanswered, long overdue) {}
}
