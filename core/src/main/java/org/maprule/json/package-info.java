/**
 * maprule's one JSON codec, on Jackson 3's streaming API ({@code tools.jackson.core}) only: no
 * data binding, no default typing, nothing bound into maprule's types by reflection. The lowest
 * layer of core: it depends on the JDK and {@code jackson-core} only, never on maprule's domain
 * (rules, validation, error codes), so any package may use it.
 *
 * <ul>
 *   <li>{@link org.maprule.json.Json#read} parses strict UTF-8 JSON into an immutable
 *       {@link org.maprule.json.JsonValue} tree (numbers keep their literal), reporting
 *       malformed input, a byte order mark (rejected), duplicate names and unpaired surrogates
 *       as {@code MALFORMED_JSON} {@link org.maprule.json.JsonProblems problems} with paths.
 *   <li>{@link org.maprule.json.JsonFields} reads one object's members strictly (integers only
 *       where numbers are expected, {@code null} never means absent, unknown members reported),
 *       reporting every problem to the caller's {@link org.maprule.json.JsonProblems}.
 *   <li>{@link org.maprule.json.Json#write} (compact) and
 *       {@link org.maprule.json.Json#writeIndented} (for people) with
 *       {@link org.maprule.json.JsonWriter} write every JSON body, file and CLI line maprule
 *       produces, in call order, with one escaping policy (U+2028/U+2029 escaped, unpaired
 *       surrogates as U+FFFD), no floats and no trailing newline, so every transport (AWS,
 *       Azure, the local server) and every tool writes byte-identical JSON.
 * </ul>
 */
package org.maprule.json;
