package cn.yilianti.registry.security;

import cn.yilianti.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** 403 problems with the platform's problem type. */
public final class Forbidden {

  public static ProblemException because(String detail) {
    return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", detail);
  }

  private Forbidden() {}
}
