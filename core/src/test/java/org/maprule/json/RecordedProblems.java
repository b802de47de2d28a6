package org.maprule.json;

import java.util.ArrayList;
import java.util.List;

/** A {@link JsonProblems} that keeps every report in order, for the codec's own tests. */
final class RecordedProblems implements JsonProblems {
  /** One report; {@code readable} is false for {@link #error}, true for {@link #flag}. */
  record Problem(Kind kind, String path, String value, String message, boolean readable) {}

  private final List<Problem> list = new ArrayList<>();

  @Override
  public void error(Kind kind, String path, String value, String message) {
    list.add(new Problem(kind, path, value, message, false));
  }

  @Override
  public void flag(Kind kind, String path, String value, String message) {
    list.add(new Problem(kind, path, value, message, true));
  }

  List<Problem> list() {
    return List.copyOf(list);
  }

  boolean isEmpty() {
    return list.isEmpty();
  }

  boolean allValuesRead() {
    return list.stream().allMatch(Problem::readable);
  }
}
