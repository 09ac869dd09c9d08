package cn.yilianti.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import cn.yilianti.local.ServiceKind;
import cn.yilianti.local.process.ChildProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The images: one per service, from one Dockerfile (they differ only in name and port) with a
 * layered jar, a non-root user, container-sized JVM and a health check; the jar really extracts as
 * the Dockerfile does; the build script and compose give each service its name and port; the script
 * says so and exits cleanly where there is no Docker engine.
 */
class DockerImagesTest {

  private static final String DOCKERFILE = Repo.read("deploy/docker/Dockerfile");

  @Test
  void dockerfileBuildsALayeredNonRootImageWithAHealthCheck() {
    assertThat(DOCKERFILE)
        .contains("COPY target/${SERVICE}-*-exec.jar application.jar")
        .contains("java -Djarmode=tools -jar application.jar extract --layers --launcher")
        .contains("COPY --from=layers /build/extracted/dependencies/ ./")
        .contains("COPY --from=layers /build/extracted/spring-boot-loader/ ./")
        .contains("COPY --from=layers /build/extracted/snapshot-dependencies/ ./")
        .contains("COPY --from=layers /build/extracted/application/ ./")
        .contains("-XX:MaxRAMPercentage=65")
        .contains("-XX:+ExitOnOutOfMemoryError")
        .contains("EXPOSE ${PORT}")
        .contains("SERVER_PORT=${PORT}")
        .containsPattern("(?m)^HEALTHCHECK .*/actuator/health/readiness")
        .containsPattern("(?m)^USER \\$\\{UID}:\\$\\{UID}$")
        .containsPattern("(?m)^ARG UID=[1-9][0-9]{3,}$")
        .containsPattern("(?m)^ARG JRE_IMAGE=eclipse-temurin:25[.0-9_]+-jre-[a-z]+$")
        .contains("ENTRYPOINT [\"java\", \"org.springframework.boot.loader.launch.JarLauncher\"]");
    assertThat(Repo.read("deploy/docker/Dockerfile.dockerignore"))
        .contains("\n*\n!target/*-exec.jar");
  }

  @ParameterizedTest
  @EnumSource(ServiceKind.class)
  void everyServiceGetsItsImageWithItsNameAndPort(ServiceKind kind) {
    String script = Repo.read("deploy/docker/build-images");
    String compose = Repo.read("deploy/compose/docker-compose.yml");

    assertThat(script).contains("[" + kind.module() + "]=" + kind.defaultPort());
    assertThat(compose)
        .contains(
            "      context: ../../"
                + kind.module()
                + "\n      dockerfile: ../deploy/docker/Dockerfile\n      args:\n        SERVICE: "
                + kind.module()
                + "\n        PORT: \""
                + kind.defaultPort()
                + "\"");
  }

  @Test
  void theRunnableJarExtractsIntoTheLayersTheDockerfileCopies(@TempDir Path dir) {
    Path jar = runnableJar(ServiceKind.REFERRAL);

    Tools.Result result =
        Tools.run(
                dir,
                ChildProcess.javaBinary(),
                "-Djarmode=tools",
                "-jar",
                jar,
                "extract",
                "--layers",
                "--launcher",
                "--destination",
                dir.resolve("extracted"))
            .assertSucceeded();

    Path extracted = dir.resolve("extracted");
    assertThat(extracted.resolve("dependencies/BOOT-INF/lib")).as(result.output()).isDirectory();
    assertThat(extracted.resolve("snapshot-dependencies")).isDirectory();
    assertThat(extracted.resolve("application/BOOT-INF/classes")).isDirectory();
    assertThat(
            extracted.resolve(
                "spring-boot-loader/org/springframework/boot/loader/launch/JarLauncher.class"))
        .isRegularFile();
  }

  @Test
  void buildScriptSaysSoAndExitsCleanlyWithoutADockerEngine() {
    Optional<Path> docker = Tools.find("docker");
    assumeFalse(
        docker.isPresent() && Tools.run(Repo.root(), docker.get(), "info").exitCode() == 0,
        "a Docker engine is reachable here: deploy/docker/build-images would build the images");
    Path script = Repo.path("deploy/docker/build-images");

    Tools.Result lenient = Tools.run(Repo.root(), Map.of(), script);
    Tools.Result strict = Tools.run(Repo.root(), Map.of(), script, "--require-engine");

    assertThat(lenient.exitCode()).as(lenient.output()).isZero();
    assertThat(lenient.output())
        .contains("images not built")
        .containsPattern("No (Docker engine|docker command)");
    assertThat(strict.exitCode()).isEqualTo(1);
  }

  private static Path runnableJar(ServiceKind kind) {
    try (Stream<Path> files = Files.list(Repo.path(kind.module()).resolve("target"))) {
      return files
          .filter(p -> p.getFileName().toString().endsWith("-exec.jar"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("build " + kind.module() + " first"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
