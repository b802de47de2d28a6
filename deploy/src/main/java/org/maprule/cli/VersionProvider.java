package org.maprule.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code maprule --version}: the project version from the classpath resource
 * {@code org/maprule/version.properties} (key {@code version}, filled in by the build).
 */
public final class VersionProvider implements IVersionProvider {
  private static final String RESOURCE = "org/maprule/version.properties";

  /** The lines {@code maprule <version>} and the Java runtime. */
  @Override
  public String[] getVersion() {
    return new String[] {"maprule " + version(),
        "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
  }

  /**
   * The project version, for example {@code 0.1.0-SNAPSHOT}.
   *
   * @return the version, or {@code unknown} when the resource is missing or unfiltered
   */
  public static String version() {
    try (InputStream in = VersionProvider.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "unknown").trim();
      return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
    } catch (IOException e) {
      return "unknown";
    }
  }
}
