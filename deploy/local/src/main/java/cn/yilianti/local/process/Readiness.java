package cn.yilianti.local.process;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a child to become ready, failing early with its log when it dies instead. */
public final class Readiness {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** Waits until {@code url} answers 200. */
  public static void awaitHttp(ChildProcess child, URI url, Duration timeout) {
    await(child, () -> answers200(url), timeout, "GET " + url + " answering 200");
  }

  public static void await(
      ChildProcess child, BooleanSupplier ready, Duration timeout, String what) {
    Instant deadline = Instant.now().plus(timeout);
    while (!ready.getAsBoolean()) {
      if (!child.isAlive()) {
        throw new IllegalStateException(
            child.name()
                + " exited while waiting for "
                + what
                + "; log "
                + child.log()
                + ":\n"
                + child.tail(40));
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            child.name()
                + " not ready after "
                + timeout.toSeconds()
                + " s ("
                + what
                + "); log "
                + child.log()
                + ":\n"
                + child.tail(40));
      }
      LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
    }
  }

  private static boolean answers200(URI url) {
    try {
      HttpResponse<Void> response =
          HTTP.send(
              HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).GET().build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private Readiness() {}
}
