package org.maprule.cli;

/**
 * Where the traffic mode lives: one key of a versioned key-value store (a CloudFront
 * KeyValueStore in a deployment, {@link KvsTrafficStore}). Every write names the store version it
 * was decided on, so two operators cannot overwrite each other unseen.
 */
interface TrafficStore {
  /**
   * What the store holds now.
   *
   * @param etag the store's current version (DescribeKeyValueStore's ETag), the If-Match of the
   *     next write
   * @param value the key's value, or null when the key is absent
   */
  record State(String etag, String value) {}

  /**
   * Reads the store's version, then the key.
   *
   * @return the state
   * @throws CliIoException when the store cannot be reached or refuses (exit status
   *     {@value Maprule#IO}), with the operation and the cloud's reason
   */
  State read();

  /**
   * Writes the key, only if the store is still at version {@code ifMatch}.
   *
   * @param value the new value
   * @param ifMatch the version read before ({@link State#etag()})
   * @return the store's new version
   * @throws CliIoException when the store cannot be reached, refuses, or changed since
   *     {@code ifMatch} (nothing is written then)
   */
  String write(String value, String ifMatch);

  /** The store's name for messages, for example its ARN. */
  String name();

  /** The key. */
  String key();
}
