package cn.yilianti.platform.web;

import java.io.IOException;

/** Thrown while reading a request body that passes the configured limit. */
class PayloadTooLargeException extends IOException {

  PayloadTooLargeException(long limit) {
    super("request body larger than " + limit + " bytes");
  }
}
