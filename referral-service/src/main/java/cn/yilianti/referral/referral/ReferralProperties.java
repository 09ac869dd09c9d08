package cn.yilianti.referral.referral;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Referral settings ({@code referral.*}).
 *
 * @param source CloudEvents source of the events this service publishes
 * @param zone time zone of the alliance, for referral numbers and days
 * @param duplicateWindow how far back a referral of the same patient to the same receiving hospital
 *     and department is flagged as a suspected duplicate
 */
@ConfigurationProperties("referral")
record ReferralProperties(URI source, ZoneId zone, @DefaultValue("7d") Duration duplicateWindow) {}
