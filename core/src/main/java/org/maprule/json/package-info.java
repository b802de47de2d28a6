/**
 * maprule's one JSON codec, on Jackson 3's streaming API ({@code tools.jackson.core}) only: no
 * data binding, no default typing, nothing bound into maprule's types by reflection.
 *
 * <ul>
 *   <li>{@link org.maprule.json.Json#read} parses strict UTF-8 JSON into an immutable
 *       {@link org.maprule.json.JsonValue} tree (numbers keep their literal), reporting
 *       malformed input, a byte order mark (rejected), duplicate names and unpaired surrogates
 *       as {@code MALFORMED_JSON} violations with field paths.
 *   <li>{@link org.maprule.json.JsonFields} reads one object's members strictly (integers only
 *       where numbers are expected, {@code null} never means absent, unknown members reported),
 *       collecting every problem in {@link org.maprule.json.Violations}.
 *   <li>{@link org.maprule.json.Json#write} with {@link org.maprule.json.JsonWriter} writes
 *       compact UTF-8 JSON in call order, with no floats and no trailing newline, so every
 *       transport (AWS, Azure, the local server) returns byte-identical bodies.
 * </ul>
 */
package org.maprule.json;
