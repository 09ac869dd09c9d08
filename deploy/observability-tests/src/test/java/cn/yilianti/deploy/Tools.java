package cn.yilianti.deploy;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The command-line tools of the proof (promtool, amtool, kubectl, docker-compose): found on the
 * PATH, or the test is skipped with how to install the tool.
 */
final class Tools {

  record Result(List<String> command, int exitCode, String output) {

    Result assertSucceeded() {
      if (exitCode != 0) {
        fail(String.join(" ", command) + " exited with " + exitCode + ":\n" + output);
      }
      return this;
    }
  }

  static Optional<Path> find(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (!dir.isEmpty() && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * The tool, or the test is skipped with the way to install it; with {@code
   * DEPLOY_TOOLS_REQUIRED=true} (for CI, where the tools are installed) it fails instead.
   */
  static Path require(String name, String howToInstall) {
    Optional<Path> tool = find(name);
    String missing = name + " is not on the PATH (" + howToInstall + ")";
    if (tool.isEmpty() && "true".equals(System.getenv("DEPLOY_TOOLS_REQUIRED"))) {
      fail(missing + " and DEPLOY_TOOLS_REQUIRED=true");
    }
    assumeTrue(tool.isPresent(), missing + ": skipped");
    return tool.orElseThrow();
  }

  static Result run(Path workDir, Map<String, String> env, Object... command) {
    List<String> args = new ArrayList<>();
    for (Object part : command) {
      args.add(part.toString());
    }
    ProcessBuilder builder = new ProcessBuilder(args).directory(workDir.toFile());
    builder.redirectErrorStream(true);
    builder.environment().putAll(env);
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process));
      if (!process.waitFor(180, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail(String.join(" ", args) + " did not finish within 180 s");
      }
      return new Result(args, process.exitValue(), output.join());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Result run(Path workDir, Object... command) {
    return run(workDir, Map.of(), command);
  }

  private static String readAll(Process process) {
    try {
      return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Tools() {}
}
