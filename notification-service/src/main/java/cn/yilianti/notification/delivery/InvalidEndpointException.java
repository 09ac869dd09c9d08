package cn.yilianti.notification.delivery;

/**
 * The endpoint configuration can never work (a malformed URL, no signing secret): the delivery is
 * parked at once and the reason shown on the hospital's delivery status.
 */
public class InvalidEndpointException extends RuntimeException {

  public InvalidEndpointException(String message) {
    super(message);
  }
}
