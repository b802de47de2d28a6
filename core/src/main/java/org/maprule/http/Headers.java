package org.maprule.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Immutable HTTP header fields: names case-insensitive (RFC 9110 §5.1) and kept in lower case,
 * several values per name, insertion order kept so every transport writes them the same way.
 */
public final class Headers {
  private static final Headers EMPTY = new Headers(Map.of());
  /** An HTTP field name: RFC 9110 §5.1, a {@code token} (§5.6.2). */
  private static final Pattern FIELD_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  private final Map<String, List<String>> map;

  private Headers(Map<String, List<String>> map) {
    this.map = map;
  }

  /**
   * Whether {@code name} is an HTTP field name (RFC 9110 §5.1: a {@code token}, §5.6.2: one or
   * more of letters, digits and {@code !#$%&'*+-.^_`|~}), for example {@code x-test-client}; not
   * {@code a b} or {@code a:b}.
   *
   * @param name the name, any case
   * @return whether it is one; false for null or empty
   */
  public static boolean isFieldName(String name) {
    return name != null && FIELD_NAME.matcher(name).matches();
  }

  /** No header. */
  public static Headers empty() {
    return EMPTY;
  }

  /**
   * Headers from alternating names and values, for example {@code of("content-type", "text/plain")}.
   *
   * @param namesAndValues name, value, name, value…
   * @return the headers
   * @throws IllegalArgumentException on an odd count
   */
  public static Headers of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values must pair up");
    }
    Builder b = builder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      b.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return b.build();
  }

  /**
   * Headers from a platform's map (names in any case; values in order).
   *
   * @param headers name to values
   * @return the headers
   */
  public static Headers of(Map<String, ? extends List<String>> headers) {
    Builder b = builder();
    headers.forEach((name, values) -> values.forEach(v -> b.add(name, v)));
    return b.build();
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The first value of {@code name} (any case), or null. */
  public String first(String name) {
    List<String> v = map.get(name.toLowerCase(Locale.ROOT));
    return v == null ? null : v.get(0);
  }

  /** Every value of {@code name} (any case), possibly empty. */
  public List<String> all(String name) {
    return map.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
  }

  /** Whether {@code name} (any case) is present. */
  public boolean contains(String name) {
    return map.containsKey(name.toLowerCase(Locale.ROOT));
  }

  /** Lower-case name to values, in insertion order; unmodifiable. */
  public Map<String, List<String>> asMap() {
    return map;
  }

  /** A builder holding these headers, to add or replace. */
  public Builder toBuilder() {
    Builder b = new Builder();
    map.forEach((k, v) -> b.map.put(k, new ArrayList<>(v)));
    return b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Headers && ((Headers) o).map.equals(map);
  }

  @Override
  public int hashCode() {
    return map.hashCode();
  }

  @Override
  public String toString() {
    return map.toString();
  }

  /** Collects header fields; names are lower-cased. */
  public static final class Builder {
    private final Map<String, List<String>> map = new LinkedHashMap<>();

    private Builder() {}

    /** Adds a value to {@code name}. */
    public Builder add(String name, String value) {
      Objects.requireNonNull(value, "value");
      map.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
      return this;
    }

    /** Replaces every value of {@code name} with {@code value}. */
    public Builder set(String name, String value) {
      Objects.requireNonNull(value, "value");
      List<String> l = new ArrayList<>();
      l.add(value);
      map.put(name.toLowerCase(Locale.ROOT), l);
      return this;
    }

    /** Removes {@code name}. */
    public Builder remove(String name) {
      map.remove(name.toLowerCase(Locale.ROOT));
      return this;
    }

    /** The immutable headers. */
    public Headers build() {
      Map<String, List<String>> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(k, List.copyOf(v)));
      return new Headers(Collections.unmodifiableMap(copy));
    }
  }
}
