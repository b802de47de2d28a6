package org.maprule.drill;

/**
 * One request's outcome in a {@link CeStream}.
 *
 * @param index the request's number in its stream, from 0
 * @param phase the phase it was sent in, from 0
 * @param modeAtSend the traffic mode when it was sent ({@code switching} during a change)
 * @param modeAtEnd the traffic mode when its answer came
 * @param status the status received, -1 for none
 * @param servedBy the origin that answered ({@code x-drill-origin}), {@code -} for none
 * @param failed no answer, or not core's status
 * @param wrongBody core's status, but not core's body or rule set
 * @param detail what went wrong, or null
 */
record Outcome(int index, int phase, String modeAtSend, String modeAtEnd, int status,
    String servedBy, boolean failed, boolean wrongBody, String detail) {}
