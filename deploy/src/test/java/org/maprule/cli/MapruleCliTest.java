package org.maprule.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The top command: version, help, exit statuses of usage and I/O errors. */
class MapruleCliTest {
  @TempDir Path dir;

  @Test
  void versionComesFromTheBuild() {
    Cli.Result r = Cli.run("--version");
    assertThat(r.exit()).isZero();
    assertThat(r.lines().get(0)).matches("maprule \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    assertThat(r.lines().get(0)).isEqualTo("maprule " + VersionProvider.version());
  }

  @Test
  void helpListsTheCommandsAndTheExitStatuses() {
    Cli.Result r = Cli.run("--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("serve", "validate", "calc", "Exit status:",
        "1  invalid rule set", "2  usage error", "3  I/O error");
  }

  @ParameterizedTest
  @ValueSource(strings = {"serve", "validate", "calc"})
  void everyCommandDocumentsItsExitStatuses(String command) {
    Cli.Result r = Cli.run(command, "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Usage: maprule " + command, "Exit status:", "0  ok", "3  I/O error");
  }

  @Test
  void noCommandIsAUsageError() {
    Cli.Result r = Cli.run();
    assertThat(r.exit()).isEqualTo(Maprule.USAGE);
    assertThat(r.err()).contains("Usage: maprule");
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(Cli.run("frobnicate").exit()).isEqualTo(2);
    assertThat(Cli.run("validate").exit()).isEqualTo(2);
    assertThat(Cli.run("validate", "--rules", "x.json", "--bogus").exit()).isEqualTo(2);
    assertThat(Cli.run("calc").noStackTrace().exit()).isEqualTo(2);
    assertThat(Cli.run("serve", "--port", "70000").noStackTrace().exit()).isEqualTo(2);
    assertThat(Cli.run("serve", "--port", "x").exit()).isEqualTo(2);
    assertThat(Cli.run("serve", "--bind", "[::1").exit()).isEqualTo(2);
    assertThat(Cli.run("serve", "--client-address-header", "bad header").noStackTrace().exit())
        .isEqualTo(2);
    assertThat(Cli.run("serve", "--jpne-key", "a/b").noStackTrace().exit()).isEqualTo(2);
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    Cli.Result r = Cli.run("validate", "--rules", "x.json", "--format", "yaml").noStackTrace();
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("yaml");
  }

  @Test
  void aMissingFileIsAnIoErrorNamingTheFile() {
    Path missing = dir.resolve("missing.json");
    for (String[] args : new String[][] {
        {"validate", "--rules", missing.toString()},
        {"calc", "--rules", missing.toString(), "--prefix", "2001:db8:12:3400::/56"},
        {"serve", "--rules", missing.toString(), "--port", "0"}}) {
      Cli.Result r = Cli.run(args).noStackTrace();
      assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(Maprule.IO);
      assertThat(r.err()).isEqualTo("maprule: cannot read rules file '" + missing + "': no such file\n");
      assertThat(r.out()).isEmpty();
    }
  }

  @Test
  void aMissingPrefixesFileIsAnIoError() {
    Cli.Result r = Cli.run("calc", "--prefixes", dir.resolve("p.txt").toString()).noStackTrace();
    assertThat(r.exit()).isEqualTo(Maprule.IO);
    assertThat(r.err()).contains("cannot read prefixes file '" + dir.resolve("p.txt") + "': no such file");
  }

  @Test
  void aDirectoryIsAnIoError() {
    Cli.Result r = Cli.run("validate", "--rules", dir.toString()).noStackTrace();
    assertThat(r.exit()).isEqualTo(Maprule.IO);
    assertThat(r.err()).contains("'" + dir + "': is a directory");
  }

  @Test
  void aMissingSecretFileIsAnIoErrorAndAnEmptyOneAUsageError() throws Exception {
    Cli.Result missing = Cli.run("serve", "--port", "0", "--origin-verify-secret-file",
        dir.resolve("secret").toString()).noStackTrace();
    assertThat(missing.exit()).isEqualTo(Maprule.IO);
    assertThat(missing.err()).contains("origin-verify secret file");
    Path empty = Files.writeString(dir.resolve("empty"), " \n");
    assertThat(Cli.run("serve", "--port", "0", "--origin-verify-secret-file", empty.toString())
        .noStackTrace().exit()).isEqualTo(Maprule.USAGE);
  }

  @Test
  void aPortInUseIsAnIoError() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Cli.Result r = Cli.run("serve", "--port", String.valueOf(taken.getLocalPort())).noStackTrace();
      assertThat(r.exit()).isEqualTo(Maprule.IO);
      assertThat(r.err()).contains("cannot listen on http://127.0.0.1:" + taken.getLocalPort());
    }
  }

  @Test
  void theInstalledHandlerReportsFailuresInOneLine() {
    Cli.Result r = Cli.run(Maprule.commandLine(), "validate", "--rules", dir.resolve("nope").toString());
    assertThat(r.exit()).isEqualTo(Maprule.IO);
    assertThat(r.err()).startsWith("maprule: cannot read rules file");
    assertThat(Failures.report(new IllegalStateException("boom"), Maprule.commandLine()))
        .isEqualTo(Maprule.INTERNAL);
  }
}
