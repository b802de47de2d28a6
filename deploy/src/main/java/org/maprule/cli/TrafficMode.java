package org.maprule.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The four traffic modes of the CDN (docs/infrastructure.md, "Traffic modes"), as the CloudFront
 * Function {@code deploy/cdn/traffic-mode.js} reads them from its KeyValueStore key. The values,
 * the default and the reading rule (trimmed, any case; anything else means {@link #AWS}) are the
 * function's; {@code TrafficModeAgreementTest} reads the JavaScript and fails when they disagree.
 */
enum TrafficMode {
  /** AWS primary, Azure on failure: the distribution's default origin group. */
  AWS("aws", "AWS first, Azure when AWS answers 500/502/503/504 or cannot be reached"),
  /** Azure primary, AWS on failure. */
  AZURE("azure", "Azure first, AWS when Azure answers 500/502/503/504 or cannot be reached"),
  /** AWS alone, no failover. */
  AWS_ONLY("aws-only", "AWS only, no failover: an AWS outage reaches the CEs"),
  /** Azure alone, no failover. */
  AZURE_ONLY("azure-only", "Azure only, no failover: an Azure outage reaches the CEs");

  /** The KeyValueStore key the function reads (stack output {@code trafficModeKey}). */
  static final String DEFAULT_KEY = "traffic-mode";
  /** What the function does with a missing, unknown or unreadable value. */
  static final TrafficMode FALLBACK = AWS;

  private final String value;
  private final String meaning;

  TrafficMode(String value, String meaning) {
    this.value = value;
    this.meaning = meaning;
  }

  /** The stored value, for example {@code aws-only}. */
  String value() {
    return value;
  }

  /** Where CE requests go in this mode, one line. */
  String meaning() {
    return meaning;
  }

  /** {@code aws, azure, aws-only, azure-only}. */
  static String list() {
    return Arrays.stream(values()).map(TrafficMode::value).collect(Collectors.joining(", "));
  }

  /**
   * The mode a stored value selects, read as the function reads it: surrounding white space
   * ignored, any case.
   *
   * @param stored the key's value, or null when the key is absent
   * @return the mode, or empty when the function falls back to {@link #FALLBACK}
   */
  static Optional<TrafficMode> read(String stored) {
    if (stored == null) {
      return Optional.empty();
    }
    String v = stored.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(m -> m.value.equals(v)).findFirst();
  }

  /** {@code --mode} (any case); a usage error listing the modes otherwise. */
  static final class Converter implements ITypeConverter<TrafficMode> {
    @Override
    public TrafficMode convert(String text) {
      return read(text).filter(m -> text.strip().equals(text))
          .orElseThrow(() -> new TypeConversionException(
              "'" + text + "' is not a traffic mode: expected one of " + list()));
    }
  }
}
