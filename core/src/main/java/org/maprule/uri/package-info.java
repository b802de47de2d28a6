/**
 * The one URI layer of maprule (RFC 3986, WHATWG URL §5.1 for queries): splitting a raw HTTP
 * request target ({@link RequestTarget}), percent-decoding paths and queries and percent-encoding
 * components ({@link PercentCodec}), and reading {@code host:port} text ({@link HostPort}). Every
 * transport (local server, AWS, Azure), the CLI's request generators and the tests use these, so
 * that all parse a request target alike. Depends on nothing else of maprule.
 */
package org.maprule.uri;
