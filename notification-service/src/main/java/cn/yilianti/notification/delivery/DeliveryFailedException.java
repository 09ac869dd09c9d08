package cn.yilianti.notification.delivery;

/** The receiver answered with a failure (an HTTP error status, a robot's error code). */
public class DeliveryFailedException extends RuntimeException {

  public DeliveryFailedException(String message) {
    super(message);
  }
}
