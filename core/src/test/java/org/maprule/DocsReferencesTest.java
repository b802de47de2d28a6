package org.maprule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every reference to a documentation page in the repository points at something that exists: a
 * {@code docs/<page>.md} named in a Java source, a pom, a contract case or a page (Javadoc cites
 * {@code docs/domain.md §5}, {@code docs/design.md §4, §5}, {@code docs/domain.md §3 to §5}) must
 * be a file, and each section number after it a heading of that page ({@code ## 5. …},
 * {@code ### 6.1 …}). A reference may wrap onto the next comment line. Sections are checked
 * only for existence; what they say is for the reviewer.
 */
class DocsReferencesTest {
  /** {@code docs/<page>.md}, an optional closing back-quote, then optional section numbers. */
  static final Pattern REFERENCE = Pattern.compile(
      "docs/([A-Za-z0-9_][A-Za-z0-9_/.-]*?)\\.md`?"
          + "((?:[ \\t]|\\R[ \\t]*(?:\\*|//|#)?)*§\\d+(?:\\.\\d+)?"
          + "(?:\\s*(?:,|and|to|or)\\s*§\\d+(?:\\.\\d+)?)*)?");
  private static final Pattern SECTION = Pattern.compile("§(\\d+(?:\\.\\d+)?)");
  /** A numbered heading: {@code ## 5. Title}, {@code ### 6.1 Title}. */
  private static final Pattern HEADING = Pattern.compile("^#{1,6}[ \\t]+(\\d+(?:\\.\\d+)*)\\.?[ \\t]");
  private static final Set<String> SCANNED = Set.of("java", "md", "yaml", "yml", "xml", "txt",
      "properties", "sh", "js", "mjs", "cfg");
  private static final Set<String> SKIPPED_DIRS = Set.of(".git", "target", "node_modules", ".mvn");

  /** One reference: where it is, the page, and the sections it names (maybe none). */
  record Reference(String where, String page, List<String> sections) {}

  /** The repository root: {@code maven.multiModuleProjectDirectory}, else up from the working dir. */
  static Path root() {
    String property = System.getProperty("maven.multiModuleProjectDirectory");
    if (property != null && Files.isDirectory(Path.of(property, "docs"))) {
      return Path.of(property).toAbsolutePath().normalize();
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("mvnw")) && Files.isDirectory(p.resolve("docs"))
          && Files.isDirectory(p.resolve("core"))) {
        return p;
      }
    }
    throw new IllegalStateException("repository root not found above " + Path.of("").toAbsolutePath());
  }

  /** The references in one text, {@code where} prefixing each location. */
  static List<Reference> references(String where, String text) {
    List<Reference> out = new ArrayList<>();
    Matcher m = REFERENCE.matcher(text);
    while (m.find()) {
      List<String> sections = new ArrayList<>();
      if (m.group(2) != null) {
        Matcher s = SECTION.matcher(m.group(2));
        while (s.find()) {
          sections.add(s.group(1));
        }
      }
      int line = 1 + (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count();
      out.add(new Reference(where + ":" + line, m.group(1) + ".md", sections));
    }
    return out;
  }

  /** The section numbers of a Markdown page: its numbered headings. */
  static Set<String> sections(String markdown) {
    Set<String> out = new TreeSet<>();
    boolean fenced = false;
    for (String line : markdown.split("\\R")) {
      if (line.startsWith("```")) {
        fenced = !fenced;
      }
      Matcher h = HEADING.matcher(line);
      if (!fenced && h.find()) {
        out.add(h.group(1));
      }
    }
    return out;
  }

  /** What is wrong with the references, given the pages (name to text) that exist. */
  static List<String> problems(List<Reference> refs, Map<String, String> pages) {
    List<String> out = new ArrayList<>();
    Map<String, Set<String>> sectionsByPage = new TreeMap<>();
    for (Reference r : refs) {
      String page = pages.get(r.page());
      if (page == null) {
        out.add(r.where() + ": docs/" + r.page() + " does not exist");
        continue;
      }
      Set<String> have = sectionsByPage.computeIfAbsent(r.page(), p -> sections(page));
      for (String s : r.sections()) {
        if (!have.contains(s)) {
          out.add(r.where() + ": docs/" + r.page() + " has no section " + s + " (it has " + have + ")");
        }
      }
    }
    return out;
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(p.toString(), e);
    }
  }

  private static boolean scanned(Path root, Path p) {
    for (Path part : root.relativize(p)) {
      if (SKIPPED_DIRS.contains(part.toString())) {
        return false;
      }
    }
    String name = p.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 && SCANNED.contains(name.substring(dot + 1)) && Files.isRegularFile(p);
  }

  @Test
  void everyDocsReferenceInTheRepositoryResolves() throws IOException {
    Path root = root();
    List<Reference> refs = new ArrayList<>();
    Map<String, String> pages = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.filter(p -> scanned(root, p)).sorted().toList()) {
        String text;
        try {
          text = read(p);
        } catch (UncheckedIOException e) {
          continue; // not UTF-8 text
        }
        Path rel = root.relativize(p);
        if (rel.startsWith("docs") && rel.toString().endsWith(".md")) {
          pages.put(root.resolve("docs").relativize(p).toString().replace('\\', '/'), text);
        }
        refs.addAll(references(rel.toString(), text));
      }
    }
    // the references the code relies on are found at all (a broken pattern would find none)
    assertThat(refs).filteredOn(r -> r.page().equals("domain.md") && !r.sections().isEmpty())
        .hasSizeGreaterThan(30);
    assertThat(refs).filteredOn(r -> r.page().equals("design.md") && !r.sections().isEmpty())
        .hasSizeGreaterThan(20);
    assertThat(problems(refs, pages)).as("docs references that do not resolve").isEmpty();
  }

  @Test
  void theCitedPagesNumberTheirSectionsAsTheCodeCitesThem() {
    Path docs = root().resolve("docs");
    assertThat(sections(read(docs.resolve("domain.md"))))
        .contains("1", "2", "3", "4", "5", "6", "6.1", "6.2", "6.3", "6.4", "6.5", "7", "8", "9");
    assertThat(sections(read(docs.resolve("design.md"))))
        .contains("1", "2", "3", "4", "5", "6", "7");
  }

  /** The fixtures below spell the folder as {@code D/} so that this file holds no reference itself. */
  private static String fixture(String text) {
    return text.replace("D/", "docs/");
  }

  @Test
  void referencesAreReadInEveryFormTheCodeUses() {
    String text = fixture(String.join("\n",
        "(D/design.md §1, §5) and D/domain.md §3 to §5;",
        " * see D/domain.md",
        " * §6.1, then `D/domain.md` §7",
        "<!-- D/design.md §6: versions -->",
        "D/toolbox.md and D/domain.md §6.4's example"));
    assertThat(references("t", text)).containsExactly(
        new Reference("t:1", "design.md", List.of("1", "5")),
        new Reference("t:1", "domain.md", List.of("3", "5")),
        new Reference("t:2", "domain.md", List.of("6.1")),
        new Reference("t:3", "domain.md", List.of("7")),
        new Reference("t:4", "design.md", List.of("6")),
        new Reference("t:5", "toolbox.md", List.of()),
        new Reference("t:5", "domain.md", List.of("6.4")));
  }

  @Test
  void aMissingPageOrSectionIsReported() {
    Map<String, String> pages = Map.of("domain.md",
        "# Title\n\n## 5. Layouts\n\n### 6.1 HB46PP\n\n```\n## 7. in a code block\n```\n");
    List<Reference> refs = references("t",
        fixture("D/domain.md §5, §6.1 D/domain.md §7 D/domain.md §6.2 D/nowhere.md §1"));
    assertThat(problems(refs, pages)).containsExactly(
        "t:1: docs/domain.md has no section 7 (it has [5, 6.1])",
        "t:1: docs/domain.md has no section 6.2 (it has [5, 6.1])",
        fixture("t:1: D/nowhere.md does not exist"));
  }
}
