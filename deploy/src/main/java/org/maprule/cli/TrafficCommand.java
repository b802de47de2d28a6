package org.maprule.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import org.maprule.json.Json;
import picocli.CommandLine.Option;

/**
 * {@code maprule traffic show|set}: reads or changes the CDN's traffic mode, the key
 * {@code traffic-mode} of the CloudFront KeyValueStore that the edge function
 * {@code deploy/cdn/traffic-mode.js} reads on every request (docs/infrastructure.md, "Traffic
 * modes"). A change reaches the edge locations in seconds, without a deployment.
 *
 * <p>{@code set} reads the store's version (ETag) and the current value, then writes the new value
 * with {@code If-Match: ETag}, so a change made meanwhile by someone else fails instead of being
 * overwritten. {@code --dry-run} prints the same lines and writes nothing. Exit status
 * {@value Maprule#OK} done (or nothing to change), {@value Maprule#USAGE} usage error (an unknown
 * mode lists the four), {@value Maprule#IO} the store cannot be reached, refuses, or changed
 * meanwhile.
 */
@Command(
    name = "traffic",
    mixinStandardHelpOptions = true,
    description = "Shows or sets the CDN's traffic mode (aws, azure, aws-only, azure-only): the "
        + "key traffic-mode of the CloudFront KeyValueStore read by the edge function. A change "
        + "reaches the edge in seconds, without a deployment.",
    subcommands = {TrafficCommand.Show.class, TrafficCommand.Set.class},
    footerHeading = "%nExit status:%n",
    footer = TrafficCommand.EXIT_CODES)
final class TrafficCommand extends CliCommand {
  /** The environment variable naming the store when {@code --kvs-arn} is absent. */
  static final String ARN_VARIABLE = "MAPRULE_TRAFFIC_KVS_ARN";

  static final String EXIT_CODES = "  0  ok (for set: changed, already so, or --dry-run)%n"
      + "  2  usage error (unknown mode, missing or malformed ARN)%n"
      + "  3  the store cannot be reached or refuses (credentials, permissions, no such%n"
      + "     store), or it changed after it was read: nothing was written%n"
      + "  4  internal error (a bug: please report it)";


  /** {@code maprule traffic} alone: prints the usage and fails as a usage error. */
  @Override
  int run() {
    spec.commandLine().usage(err());
    return Maprule.USAGE;
  }

  /** Opens a store client; replaced in tests. */
  interface Opener {
    /**
     * Opens the store.
     *
     * @param arn the checked ARN
     * @param key the key
     * @param endpointUrl the endpoint override, or null
     * @return the store
     */
    TrafficStore open(String arn, String key, URI endpointUrl);
  }

  /** The options naming the store, shared by {@code show} and {@code set}. */
  static final class StoreOptions {
    /** A CloudFront KeyValueStore ARN. */
    private static final Pattern ARN =
        Pattern.compile("arn:[a-z-]+:cloudfront::\\d{12}:key-value-store/[A-Za-z0-9-]{1,64}");

    @Option(names = "--kvs-arn", paramLabel = "ARN",
        description = "The KeyValueStore (pulumi stack output trafficModeKvsArn). Default: the "
            + "environment variable " + ARN_VARIABLE + ".")
    String kvsArn;

    @Option(names = "--key", paramLabel = "KEY", defaultValue = TrafficMode.DEFAULT_KEY,
        description = "The key the edge function reads (stack output trafficModeKey). "
            + "Default: ${DEFAULT-VALUE}.")
    String key;

    @Option(names = "--endpoint-url", paramLabel = "URL",
        description = "Send every API call to exactly this URL instead of AWS's endpoint, signed "
            + "as for AWS (a test double, a proxy).")
    URI endpointUrl;

    /** Reads the environment; replaced in tests. */
    Function<String, String> environment = System::getenv;
    /** Opens the store; replaced in tests. */
    Opener opener = KvsTrafficStore::new;

    /** The ARN to use: the option, else the environment variable; usage errors when bad. */
    String arn(CliCommand c) {
      String arn = kvsArn != null ? kvsArn : environment.apply(ARN_VARIABLE);
      if (arn == null || arn.isBlank()) {
        throw c.usage("no KeyValueStore: give --kvs-arn ARN or set " + ARN_VARIABLE
            + " (pulumi stack output trafficModeKvsArn)");
      }
      arn = arn.strip();
      if (!ARN.matcher(arn).matches()) {
        throw c.usage("'" + arn + "' is not a CloudFront KeyValueStore ARN "
            + "(arn:aws:cloudfront::ACCOUNT:key-value-store/ID)");
      }
      return arn;
    }

    /** Checks the options and opens the store; usage errors first. */
    TrafficStore open(CliCommand forUsage) {
      String arn = arn(forUsage);
      if (key.isEmpty()) {
        throw forUsage.usage("--key must not be empty");
      }
      if (endpointUrl != null && (endpointUrl.getScheme() == null || endpointUrl.getHost() == null
          || !endpointUrl.getScheme().matches("https?"))) {
        throw forUsage.usage("--endpoint-url '" + endpointUrl + "' is not an http(s) URL");
      }
      return opener.open(arn, key, endpointUrl);
    }
  }

  /** {@code maprule traffic show}. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Prints the store, the key, the store's ETag, the stored value and the mode "
          + "the edge function makes of it (a missing or unknown value means aws).",
      footerHeading = "%nExit status:%n",
      footer = EXIT_CODES)
  static final class Show extends CliCommand {
    @Mixin StoreOptions store;

    @Option(names = "--json", description = "Print one JSON object instead: "
        + "{\"store\",\"key\",\"etag\",\"value\",\"mode\",\"meaning\"} (value null when absent).")
    boolean json;

    @Override
    int run() {
      TrafficStore s = store.open(this);
      try {
        TrafficStore.State state = s.read();
        TrafficMode mode = TrafficMode.read(state.value()).orElse(TrafficMode.FALLBACK);
        if (json) {
          out().println(new String(Json.write(w -> w.beginObject()
              .field("store", s.name())
              .field("key", s.key())
              .field("etag", state.etag())
              .field("value", state.value())
              .field("mode", mode.value())
              .field("meaning", mode.meaning())
              .endObject()), StandardCharsets.UTF_8));
        } else {
          header(out(), s, state.etag());
          out().println(line("value", state.value() == null ? "(absent)" : quoted(state.value())));
          out().println(line("mode", describe(state.value())));
        }
        out().flush();
        return Maprule.OK;
      } finally {
        closeQuietly(s);
      }
    }
  }

  /** {@code maprule traffic set --mode MODE [--dry-run]}. */
  @Command(
      name = "set",
      mixinStandardHelpOptions = true,
      description = "Sets the traffic mode: reads the store's ETag and the current value, then "
          + "writes the mode with If-Match: ETag (a change made meanwhile fails instead of being "
          + "overwritten). Prints the store, the key, the ETag, the old and new mode. Nothing is "
          + "written when the key already holds the mode.",
      footerHeading = "%nExit status:%n",
      footer = EXIT_CODES)
  static final class Set extends CliCommand {
    @Mixin StoreOptions store;

    @Option(names = "--mode", paramLabel = "MODE", required = true,
        converter = TrafficMode.Converter.class,
        description = "aws (AWS first, Azure on failure), azure (the reverse), aws-only, azure-only "
            + "(no failover).")
    TrafficMode mode;

    @Option(names = "--dry-run",
        description = "Print the exact change (store, key, old -> new value, the If-Match ETag) "
            + "and change nothing.")
    boolean dryRun;

    @Override
    int run() {
      TrafficStore s = store.open(this);
      try {
        TrafficStore.State state = s.read();
        PrintWriter out = out();
        header(out, s, state.etag());
        out.println(line("from", (state.value() == null ? "(absent)" : quoted(state.value()))
            + " = " + describe(state.value())));
        out.println(line("to", quoted(mode.value()) + " = " + mode.value() + ": " + mode.meaning()));
        if (mode.value().equals(state.value())) {
          out.println("unchanged: " + s.key() + " is already " + quoted(mode.value())
              + (dryRun ? " (dry run)" : ""));
        } else if (dryRun) {
          out.println("dry run: nothing written; without --dry-run: PutKey " + s.key() + "="
              + quoted(mode.value()) + " with If-Match " + state.etag());
        } else {
          String etag = s.write(mode.value(), state.etag());
          out.println("changed: PutKey " + s.key() + "=" + quoted(mode.value()) + " with If-Match "
              + state.etag() + "; new ETag " + etag
              + "; the edge locations follow within seconds");
        }
        out.flush();
        return Maprule.OK;
      } finally {
        closeQuietly(s);
      }
    }
  }

  private static void header(PrintWriter out, TrafficStore s, String etag) {
    out.println(line("store", s.name()));
    out.println(line("key", s.key()));
    out.println(line("etag", etag));
  }

  /** What the edge function makes of a stored value. */
  static String describe(String stored) {
    Optional<TrafficMode> mode = TrafficMode.read(stored);
    if (mode.isPresent()) {
      return mode.get().value() + ": " + mode.get().meaning();
    }
    TrafficMode f = TrafficMode.FALLBACK;
    return f.value() + " (" + (stored == null ? "the key is absent" : "not a mode")
        + ": the edge function uses " + f.value() + "): " + f.meaning();
  }

  private static String line(String label, String value) {
    return String.format("%-6s %s", label, value);
  }

  /** {@code s} as a JSON string literal, so quotes, controls and blanks in a stored value show. */
  private static String quoted(String s) {
    return new String(Json.write(w -> w.value(s)), StandardCharsets.UTF_8);
  }

  private static void closeQuietly(TrafficStore s) {
    if (s instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception ignored) {
        // closing a client cannot lose a change
      }
    }
  }
}
