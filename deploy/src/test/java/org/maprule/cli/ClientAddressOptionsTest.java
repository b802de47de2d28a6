package org.maprule.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The shared client-address options: one declaration, each command's own help wording (from
 * {@code ClientAddressOptions.properties}), the same checks.
 */
class ClientAddressOptionsTest {

  private static String help(String command) {
    return Cli.run(command, "--help").out().replaceAll("\\s+", " ");
  }

  @Test
  void eachCommandWordsTheHelpForItsSide() {
    assertThat(help("serve")).contains("--client-address-header=NAME Take the client's address "
        + "from this request header", "--origin-verify-header=NAME Header carrying the CDN's "
        + "origin-verify secret. Default: x-origin-verify.", "--origin-verify-secret-file=FILE "
        + "File holding the origin-verify secret (surrounding blanks trimmed). When given,");
    assertThat(help("parity")).contains("--client-address-header=NAME Send each HB46PP and JPNE "
        + "request's CE address in this header", "--origin-verify-header=NAME Header for the "
        + "origin-verify secret. Default: x-origin-verify.", "--origin-verify-secret-file=FILE "
        + "Send this secret (surrounding blanks trimmed)");
  }

  @Test
  void theChecksAreTheSameOnBothCommands() {
    for (String command : new String[] {"serve", "parity"}) {
      String[] endpoints = command.equals("parity")
          ? new String[] {"--endpoint", "http://a", "--endpoint", "http://b"} : new String[0];
      Cli.Result header = Cli.run(concat(new String[] {command, "--client-address-header", "a b"},
          endpoints)).noStackTrace();
      assertThat(header.exit()).as(command).isEqualTo(Maprule.USAGE);
      assertThat(header.err()).as(command)
          .contains("--client-address-header 'a b' is not an HTTP header name");
      Cli.Result verify = Cli.run(concat(new String[] {command, "--origin-verify-header", "a:b"},
          endpoints)).noStackTrace();
      assertThat(verify.err()).as(command)
          .contains("--origin-verify-header 'a:b' is not an HTTP header name");
      Cli.Result secret = Cli.run(concat(new String[] {command, "--origin-verify-secret-file",
          "/nonexistent/secret"}, endpoints)).noStackTrace();
      assertThat(secret.exit()).as(command).isEqualTo(Maprule.IO);
      assertThat(secret.err()).as(command).contains("/nonexistent/secret");
    }
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
