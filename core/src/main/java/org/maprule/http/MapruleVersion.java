package org.maprule.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The maprule version, from the classpath resource {@code org/maprule/version.properties} (key
 * {@code version}, filled in by Maven resource filtering). {@value #UNKNOWN} when the resource is
 * absent or was not filtered.
 */
public final class MapruleVersion {
  /** Reported when the version cannot be read. */
  public static final String UNKNOWN = "unknown";
  private static final String VERSION = read();

  private MapruleVersion() {}

  /** The version, for example {@code 0.1.0-SNAPSHOT}. */
  public static String get() {
    return VERSION;
  }

  private static String read() {
    try (InputStream in = MapruleVersion.class.getResourceAsStream("/org/maprule/version.properties")) {
      if (in == null) {
        return UNKNOWN;
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version");
      return v == null || v.isBlank() || v.contains("${") ? UNKNOWN : v.trim();
    } catch (IOException e) {
      return UNKNOWN;
    }
  }
}
