package cn.yilianti.registry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yilianti.platform.security.Role;
import cn.yilianti.registry.TestIdentities;
import cn.yilianti.registry.security.Access;
import cn.yilianti.test.RealInfrastructure;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A coordinator logs in through the browser flow (authorization code with PKCE, form login), driven
 * here over plain HTTP as a script could, and gets a token with their claims.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(trustTestTokens = false)
class StaffLoginIntegrationTest {

  @LocalServerPort int port;
  @Autowired Users users;
  @Autowired IdentityProperties properties;

  private final HttpClient browser =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  @Test
  void staffLogInWithAuthorizationCodeAndPkce() throws Exception {
    String username = "ops-" + UUID.randomUUID().toString().substring(0, 8);
    String password = "correct horse battery staple";
    users.create(
        new UserRequest(username, password, Set.of(Role.OPS), null, null, List.of()),
        Access.system("test"));
    String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
    String challenge =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    String redirect = properties.consoleRedirectUris().getFirst();
    String authorize =
        "/oauth2/authorize?"
            + form(
                Map.of(
                    "response_type", "code",
                    "client_id", "registry-console",
                    "redirect_uri", redirect,
                    "scope", "openid",
                    "state", "s1",
                    "code_challenge", challenge,
                    "code_challenge_method", "S256"));

    HttpResponse<String> toLogin = get(authorize);
    assertThat(toLogin.statusCode()).isEqualTo(302);
    assertThat(location(toLogin)).endsWith("/login");
    String loginPage = get("/login").body();
    Matcher csrf =
        Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(loginPage);
    assertThat(csrf.find()).as(loginPage).isTrue();

    HttpResponse<String> loggedIn =
        post(
            "/login",
            form(Map.of("username", username, "password", password, "_csrf", csrf.group(1))));
    assertThat(loggedIn.statusCode()).isEqualTo(302);
    HttpResponse<String> back = get(location(loggedIn).replaceFirst("^https?://[^/]+", ""));
    assertThat(back.statusCode()).isEqualTo(302);
    String callback = location(back);
    assertThat(callback).startsWith(redirect).contains("state=s1");
    String code = callback.replaceAll(".*[?&]code=([^&]+).*", "$1");

    HttpResponse<String> token =
        post(
            "/oauth2/token",
            form(
                Map.of(
                    "grant_type",
                    "authorization_code",
                    "code",
                    java.net.URLDecoder.decode(code, StandardCharsets.UTF_8),
                    "redirect_uri",
                    redirect,
                    "client_id",
                    "registry-console",
                    "code_verifier",
                    verifier)));

    assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
    JsonNode json = JsonMapper.builder().build().readTree(token.body());
    assertThat(json.get("id_token")).isNotNull();
    JsonNode claims = TestIdentities.claims(json.get("access_token").asString());
    assertThat(claims.get("sub").asString()).isEqualTo(username);
    assertThat(claims.get("roles").get(0).asString()).isEqualTo("OPS");
  }

  @Test
  void wrongPasswordDoesNotLogIn() throws Exception {
    get("/oauth2/authorize?client_id=registry-console&response_type=code");
    String loginPage = get("/login").body();
    Matcher csrf =
        Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(loginPage);
    assertThat(csrf.find()).isTrue();

    HttpResponse<String> response =
        post(
            "/login",
            form(Map.of("username", "nobody", "password", "wrong", "_csrf", csrf.group(1))));

    assertThat(location(response)).endsWith("/login?error");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return browser.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Accept", "text/html")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return browser.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String location(HttpResponse<?> response) {
    return response.headers().firstValue("Location").orElseThrow();
  }

  private static String form(Map<String, String> values) {
    return values.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
