/**
 * The failover drill (deploy/drill/README.md): {@link Lab} runs two {@code maprule serve} origins
 * standing for AWS and Azure behind HAProxy standing for the CDN; {@link Workload} is a set of CE
 * requests from core's generator with core's in-process answers; {@link CeStream} sends them at
 * a steady pace while a {@link Scenario} kills, restarts and switches; {@link Figures} prints the
 * table. {@link Drill} is the command line.
 *
 * <p>Adding a scenario: a class implementing {@link Scenario} and one line in
 * {@link Scenarios#all()}.
 */
package org.maprule.drill;
