package cn.yilianti.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yilianti.platform.security.Caller;
import cn.yilianti.platform.security.Role;
import cn.yilianti.registry.identity.Clients;
import cn.yilianti.registry.identity.IssuedSecret;
import cn.yilianti.registry.identity.UserRequest;
import cn.yilianti.registry.identity.Users;
import cn.yilianti.registry.security.Access;
import cn.yilianti.test.ApiClient;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes principals through the registry's own services and fetches their tokens over real HTTP from
 * its token endpoint, as an HIS or a script would.
 */
public final class TestIdentities {

  private static final Caller SETUP = Access.system("test-setup");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final int port;
  private final Users users;
  private final Clients clients;

  public TestIdentities(ApplicationContext context, int port) {
    this.port = port;
    this.users = context.getBean(Users.class);
    this.clients = context.getBean(Clients.class);
  }

  public ApiClient api(String token) {
    return ApiClient.localhost(port).withHeader("Authorization", "Bearer " + token);
  }

  public String managerToken(String... alliances) {
    return userToken(Set.of(Role.ALLIANCE_MANAGER), null, List.of(alliances));
  }

  public String coordinatorToken(String hospital) {
    return userToken(Set.of(Role.COORDINATOR), hospital, List.of());
  }

  public String opsToken() {
    return userToken(Set.of(Role.OPS), null, List.of());
  }

  public String hisToken(String hospital) {
    return accessToken(hisClient(hospital));
  }

  public IssuedSecret hisClient(String hospital) {
    return clients.registerHis(hospital, null, SETUP);
  }

  /** A new user with the roles, and a personal client of theirs. */
  public IssuedSecret userClient(
      Set<Role> roles, @Nullable String hospital, List<String> alliances) {
    String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
    users.create(new UserRequest(username, null, roles, hospital, null, alliances), SETUP);
    return users.personalClient(username, SETUP);
  }

  public String userToken(Set<Role> roles, @Nullable String hospital, List<String> alliances) {
    return accessToken(userClient(roles, hospital, alliances));
  }

  public String accessToken(IssuedSecret client) {
    ApiClient.Response response = token(client.clientId(), client.clientSecret());
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().get("access_token").asString();
  }

  /** POST /oauth2/token with client_secret_basic and the client-credentials grant. */
  public ApiClient.Response token(String clientId, String secret) {
    String basic =
        Base64.getEncoder()
            .encodeToString((enc(clientId) + ":" + enc(secret)).getBytes(StandardCharsets.UTF_8));
    return ApiClient.localhost(port)
        .send(
            "POST",
            "/oauth2/token",
            "grant_type=client_credentials",
            "application/x-www-form-urlencoded",
            "Authorization",
            "Basic " + basic);
  }

  /** The claims of a JWT (not verified: the test reads what the issuer wrote). */
  public static JsonNode claims(String jwt) {
    String payload = jwt.split("\\.")[1];
    return JSON.readTree(Base64.getUrlDecoder().decode(payload));
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
