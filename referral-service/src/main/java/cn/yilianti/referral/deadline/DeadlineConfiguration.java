package cn.yilianti.referral.deadline;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the scheduled deadline sweep. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class DeadlineConfiguration {}
