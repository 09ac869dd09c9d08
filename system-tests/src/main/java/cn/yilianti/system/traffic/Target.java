package cn.yilianti.system.traffic;

import cn.yilianti.test.DemoCredentials;

/**
 * The platform the driver talks to: base URLs of the referral and indicator APIs and the real
 * tokens of the seeded principals.
 */
public record Target(String referralUrl, String indicatorUrl, DemoCredentials credentials) {

  String token(Route route, Step step) {
    return step.actor() == Step.Actor.SENDER
        ? credentials.his(route.fromHospital())
        : credentials.user(java.util.Objects.requireNonNull(route.coordinator()));
  }

  String ops() {
    return credentials.user("ops");
  }
}
