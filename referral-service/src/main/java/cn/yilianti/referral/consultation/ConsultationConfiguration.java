package cn.yilianti.referral.consultation;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the answer-deadline sweep. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ConsultationConfiguration {}
