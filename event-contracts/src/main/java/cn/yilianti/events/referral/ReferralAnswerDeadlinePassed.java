package cn.yilianti.events.referral;

/**
 * The answer deadline passed with the referral still unanswered; the notification service escalates
 * on it. The referral stays SUBMITTED until it is answered or expires.
 */
public record ReferralAnswerDeadlinePassed(ReferralRef referral) implements ReferralEvent {}
