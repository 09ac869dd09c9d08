package cn.yilianti.notification.channel;

import cn.yilianti.notification.delivery.DeliveryFailedException;
import cn.yilianti.notification.delivery.DeliveryProperties;
import cn.yilianti.notification.delivery.InvalidEndpointException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.springframework.stereotype.Component;

/** JSON POSTs to HIS webhooks, group robots and the SMS gateway over one JDK HTTP client. */
@Component
class HttpTransport {

  private final HttpClient client;
  private final DeliveryProperties properties;

  HttpTransport(DeliveryProperties properties) {
    this.properties = properties;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(properties.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** Posts and returns the body of a 2xx answer; any other status is a failed delivery. */
  String post(URI uri, byte[] json, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(properties.requestTimeout())
            .header("Content-Type", "application/json; charset=utf-8")
            .header("User-Agent", "yilianti-notification-service")
            .POST(HttpRequest.BodyPublishers.ofByteArray(json));
    headers.forEach(request::header);
    HttpResponse<String> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new DeliveryFailedException("HTTP " + response.statusCode());
    }
    return response.body();
  }

  /** An absolute http(s) URL with a host, or the endpoint configuration is invalid. */
  static URI endpoint(String address) {
    try {
      URI uri = new URI(address.strip());
      String scheme = uri.getScheme();
      if (scheme == null
          || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          || uri.getHost() == null) {
        throw new InvalidEndpointException("not an http(s) URL with a host: " + address);
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new InvalidEndpointException("malformed URL: " + address);
    }
  }
}
