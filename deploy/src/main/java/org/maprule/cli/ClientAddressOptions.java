package org.maprule.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.maprule.http.ServiceConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The client-address options of every command that serves or sends CE requests ({@code serve},
 * {@code parity}): which header carries the client's address, and the CDN's origin-verify
 * secret that makes that header trusted (docs/design.md §5). The same names, values and checks
 * everywhere; each command words the help for its side (taking the address from the header, or
 * sending it in the header) in {@code ClientAddressOptions.properties}, keyed by the command's
 * qualified name (picocli's resource bundle lookup), the descriptions below being the fallback.
 */
@Command(resourceBundle = "org.maprule.cli.ClientAddressOptions")
final class ClientAddressOptions {
  @Option(names = "--client-address-header", paramLabel = "NAME",
      descriptionKey = "client-address-header",
      description = "The request header carrying the client's address (for example "
          + "x-test-client, cloudfront-viewer-address). Default: none, the TCP peer.")
  String clientAddressHeader;

  @Option(names = "--origin-verify-header", paramLabel = "NAME",
      defaultValue = ServiceConfig.DEFAULT_ORIGIN_VERIFY_HEADER,
      descriptionKey = "origin-verify-header",
      description = "Header carrying the CDN's origin-verify secret. Default: ${DEFAULT-VALUE}.")
  String originVerifyHeader;

  @Option(names = "--origin-verify-secret-file", paramLabel = "FILE",
      descriptionKey = "origin-verify-secret-file",
      description = "File holding the origin-verify secret (surrounding blanks trimmed).")
  Path originVerifySecretFile;

  /**
   * {@code --client-address-header}, checked.
   *
   * @param command for usage errors
   * @return the header name as given, or null when the option was not given
   * @throws picocli.CommandLine.ParameterException (usage) when it is not an HTTP field name
   */
  String clientAddressHeader(CliCommand command) {
    return clientAddressHeader == null ? null
        : command.headerName("--client-address-header", clientAddressHeader);
  }

  /**
   * {@code --origin-verify-header}, checked.
   *
   * @param command for usage errors
   * @return the header name (default {@value ServiceConfig#DEFAULT_ORIGIN_VERIFY_HEADER})
   * @throws picocli.CommandLine.ParameterException (usage) when it is not an HTTP field name
   */
  String originVerifyHeader(CliCommand command) {
    return command.headerName("--origin-verify-header", originVerifyHeader);
  }

  /**
   * Reads {@code --origin-verify-secret-file}.
   *
   * @param command for usage errors
   * @return the file's content (UTF-8) without surrounding blanks, or null when the option was
   *     not given
   * @throws CliIoException when the file cannot be read
   * @throws picocli.CommandLine.ParameterException (usage) when the content is blank
   */
  String originVerifySecret(CliCommand command) {
    if (originVerifySecretFile == null) {
      return null;
    }
    String secret = new String(RuleInput.readFile("origin-verify secret file",
        originVerifySecretFile), StandardCharsets.UTF_8).strip();
    if (secret.isEmpty()) {
      throw command.usage("--origin-verify-secret-file '" + originVerifySecretFile + "' is empty");
    }
    return secret;
  }
}
