package org.vaelab.spi.track;

/**
 * What a tracker delivered of a run's events, known once {@link Tracker#end} has returned.
 * {@code vae sync} reports it per run, because a replay that sent nothing must not look like one
 * that sent everything.
 *
 * @param destination where the events went, as a person would name it ({@code mlflow at http://...})
 * @param sent how many of the run's events arrived there
 * @param total how many events the tracker was given, start and end included
 * @param problem what stopped the rest from arriving; {@code null} when everything arrived
 */
public record Delivery(String destination, long sent, long total, String problem) {

    /** Whether every event arrived. */
    public boolean complete() {
        return problem == null;
    }
}
