package org.maprule.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;

/**
 * Secret comparison whose time does not depend on where two strings first differ, nor on their
 * lengths: both sides are hashed with SHA-256 and the digests compared with
 * {@link MessageDigest#isEqual} (constant-time since JDK 6u17). Used for OCN codes and the
 * origin-verify secret.
 */
final class ConstantTime {
  private ConstantTime() {}

  /** Whether {@code a} equals {@code b}; false when either is null. */
  static boolean equals(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    return MessageDigest.isEqual(sha256(a), sha256(b));
  }

  /**
   * Whether {@code candidate} is one of {@code secrets}, comparing against every one of them
   * (no early exit) so the time does not reveal which one matched.
   */
  static boolean containsSecret(Collection<String> secrets, String candidate) {
    if (candidate == null) {
      return false;
    }
    byte[] c = sha256(candidate);
    boolean found = false;
    for (String s : secrets) {
      found |= MessageDigest.isEqual(sha256(s), c);
    }
    return found;
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JRE", e);
    }
  }
}
