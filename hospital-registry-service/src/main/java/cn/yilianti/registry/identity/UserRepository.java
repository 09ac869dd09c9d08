package cn.yilianti.registry.identity;

import cn.yilianti.platform.security.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

  private final JdbcClient jdbc;

  UserRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<User> find(String username) {
    return jdbc.sql("select * from app_user where username = :u")
        .param("u", username)
        .query(UserRepository::map)
        .optional();
  }

  Optional<String> passwordHash(String username) {
    return jdbc.sql("select password_hash from app_user where username = :u")
        .param("u", username)
        .query(String.class)
        .optional();
  }

  List<User> all() {
    return jdbc.sql("select * from app_user order by username").query(UserRepository::map).list();
  }

  void insert(User user, String passwordHash) {
    jdbc.sql(
            """
            insert into app_user (username, password_hash, roles, hospital_code, department,
              alliances, enabled, created_at, created_by)
            values (:u, :hash, :roles, :hospital, :department, :alliances, :enabled, :at, :by)
            """)
        .param("u", user.username())
        .param("hash", passwordHash)
        .param("roles", user.roles().stream().map(Enum::name).toArray(String[]::new))
        .param("hospital", user.hospitalCode())
        .param("department", user.department())
        .param("alliances", user.alliances().toArray(String[]::new))
        .param("enabled", user.enabled())
        .param("at", java.sql.Timestamp.from(user.createdAt()))
        .param("by", user.createdBy())
        .update();
  }

  void setPassword(String username, String hash) {
    jdbc.sql("update app_user set password_hash = :hash where username = :u")
        .param("u", username)
        .param("hash", hash)
        .update();
  }

  boolean disable(String username) {
    return jdbc.sql("update app_user set enabled = false where username = :u and enabled")
            .param("u", username)
            .update()
        == 1;
  }

  void addAlliance(String username, String alliance) {
    jdbc.sql(
            """
            update app_user set alliances = array_append(alliances, :a)
             where username = :u and not (:a = any(alliances))
            """)
        .param("u", username)
        .param("a", alliance)
        .update();
  }

  private static User map(ResultSet rs, int n) throws SQLException {
    EnumSet<Role> roles = EnumSet.noneOf(Role.class);
    for (String role : (String[]) rs.getArray("roles").getArray()) {
      roles.add(Role.valueOf(role));
    }
    return new User(
        rs.getString("username"),
        roles,
        rs.getString("hospital_code"),
        rs.getString("department"),
        List.copyOf(Arrays.asList((String[]) rs.getArray("alliances").getArray())),
        rs.getBoolean("enabled"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getString("created_by"));
  }
}
