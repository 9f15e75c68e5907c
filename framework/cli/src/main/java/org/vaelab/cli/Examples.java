package org.vaelab.cli;

/** The heading of the examples every command's help ends with ({@code footer}: one command line a row). */
final class Examples {

    /** Above the examples, after the options. */
    static final String HEADING = "%nExamples (RUN: a run's folder under runs/NAME/):%n";

    private Examples() {
    }
}
