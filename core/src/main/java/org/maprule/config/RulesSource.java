package org.maprule.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import org.maprule.ErrorCode;
import org.maprule.MapruleException;
import org.maprule.format.RuleSetLoader;

/**
 * Where a deployment's rule-set document comes from: the value of {@value ServiceSettings#RULES},
 * understood once. Three forms:
 *
 * <ul>
 *   <li>{@value #BUILTIN_EXAMPLE}: core's example rules ({@link RuleSetLoader#exampleBytes()});
 *       any other {@code builtin:} name is refused;
 *   <li>{@code classpath:NAME}: a resource the deployed jars carry (a leading {@code /} is
 *       dropped: {@code classpath:/rules/jp.json} and {@code classpath:rules/jp.json} are the
 *       same resource);
 *   <li>anything else: a file path; a relative one is resolved against the base directory the
 *       caller gives (the Lambda task root, the Azure function app root, the working directory).
 * </ul>
 *
 * <p>Parsing checks only the form; whether the resource or file exists is found out by
 * {@link #read}, so that a deployment reports a missing file when it loads its rules (at init),
 * with the variable's name and value.
 */
public final class RulesSource {
  /** The value naming core's built-in example rule set. */
  public static final String BUILTIN_EXAMPLE = "builtin:example";
  /** Prefix of a value naming a built-in rule set (only {@value #BUILTIN_EXAMPLE} exists). */
  public static final String BUILTIN_PREFIX = "builtin:";
  /** Prefix of a value naming a resource in the deployed jars. */
  public static final String CLASSPATH_PREFIX = "classpath:";

  /** The three forms a value can take. */
  public enum Kind {
    /** {@value RulesSource#BUILTIN_EXAMPLE}. */
    BUILTIN,
    /** {@code classpath:NAME}. */
    CLASSPATH,
    /** A file path. */
    FILE
  }

  private final String value;
  private final Kind kind;
  private final String resource;
  private final Path file;

  private RulesSource(String value, Kind kind, String resource, Path file) {
    this.value = value;
    this.kind = kind;
    this.resource = resource;
    this.file = file;
  }

  /** The built-in example rules ({@value #BUILTIN_EXAMPLE}). */
  public static RulesSource builtinExample() {
    return new RulesSource(BUILTIN_EXAMPLE, Kind.BUILTIN, null, null);
  }

  /**
   * Understands a {@value ServiceSettings#RULES} value.
   *
   * @param value the value, already stripped of surrounding white space, not blank
   * @param base the directory a relative file path is resolved against
   * @return the source
   * @throws MapruleException {@link ErrorCode#INVALID_VALUE} with field
   *     {@value ServiceSettings#RULES} and the value: a {@code builtin:} name other than
   *     {@code example}, {@code classpath:} without a name, or a file path the platform cannot
   *     represent (for example one containing a NUL character)
   * @throws NullPointerException when an argument is null
   */
  public static RulesSource parse(String value, Path base) {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(base, "base");
    if (value.equals(BUILTIN_EXAMPLE)) {
      return builtinExample();
    }
    if (value.startsWith(BUILTIN_PREFIX)) {
      throw invalid(value, ServiceSettings.RULES + " names an unknown built-in rule set '" + value
          + "': the only one is '" + BUILTIN_EXAMPLE + "'");
    }
    if (value.startsWith(CLASSPATH_PREFIX)) {
      String name = value.substring(CLASSPATH_PREFIX.length());
      name = name.startsWith("/") ? name.substring(1) : name;
      if (name.isBlank()) {
        throw invalid(value, ServiceSettings.RULES + " '" + value
            + "' names no resource: expected classpath:NAME, for example classpath:rules/jp.json");
      }
      return new RulesSource(value, Kind.CLASSPATH, name, null);
    }
    if (value.isBlank()) {
      throw invalid(value, ServiceSettings.RULES + " is blank");
    }
    try {
      return new RulesSource(value, Kind.FILE, null, base.resolve(value));
    } catch (InvalidPathException e) {
      throw invalid(value, ServiceSettings.RULES + " is not a file path this system can use: '"
          + value + "' (" + e.getReason() + ")");
    }
  }

  /** The value as the setting gave it (stripped): what {@link ServiceSettings#environment()} writes back. */
  public String value() {
    return value;
  }

  /** Which of the three forms this is. */
  public Kind kind() {
    return kind;
  }

  /** For {@link Kind#CLASSPATH}: the resource name without a leading {@code /}; otherwise null. */
  public String resource() {
    return resource;
  }

  /** For {@link Kind#FILE}: the path, resolved against the base; otherwise null. */
  public Path file() {
    return file;
  }

  /**
   * Reads the document's bytes, once, at start-up.
   *
   * @param loader the class loader holding the deployed jars' resources (used for
   *     {@link Kind#CLASSPATH} only)
   * @return the document (not yet parsed or validated: {@link RuleSetLoader} does that)
   * @throws MapruleException {@link ErrorCode#INVALID_VALUE} with field
   *     {@value ServiceSettings#RULES} and the value when the resource is not in the jars or the
   *     file does not exist or cannot be read; the message says which and why
   */
  public byte[] read(ClassLoader loader) {
    switch (kind) {
      case BUILTIN:
        return RuleSetLoader.exampleBytes();
      case CLASSPATH:
        try (InputStream in = loader.getResourceAsStream(resource)) {
          if (in == null) {
            throw invalid(value, ServiceSettings.RULES
                + " names a resource that is not in the deployed jars: '" + value + "'");
          }
          return in.readAllBytes();
        } catch (IOException e) {
          throw invalid(value, ServiceSettings.RULES + " cannot be read: '" + value + "' (" + e
              + ")");
        }
      default:
        try {
          return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
          throw invalid(value, ServiceSettings.RULES + " names a file that does not exist: '"
              + value + "'" + (file.toString().equals(value) ? "" : " (" + file + ")"));
        } catch (IOException | SecurityException e) {
          throw invalid(value, ServiceSettings.RULES + " cannot be read: '" + value + "' ("
              + file + ": " + e + ")");
        }
    }
  }

  private static MapruleException invalid(String value, String message) {
    return new MapruleException(ErrorCode.INVALID_VALUE, ServiceSettings.RULES, value, message);
  }

  /** Equal when the value and the resolved file are. */
  @Override
  public boolean equals(Object o) {
    return o instanceof RulesSource r && r.value.equals(value) && Objects.equals(r.file, file);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value, file);
  }

  /** The value as given. */
  @Override
  public String toString() {
    return value;
  }
}
