/**
 * Comparing two answers to the same request, without any I/O: status, chosen headers and body
 * bytes, and where the bodies first differ. {@code maprule parity} compares two deployments with
 * it; the failover drill compares what its proxy answers with core's in-process answer.
 */
package org.maprule.parity;
