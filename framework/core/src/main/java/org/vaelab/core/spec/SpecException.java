package org.vaelab.core.spec;

import java.util.List;

/** A spec with problems: nothing may run. {@link #getMessage()} is the numbered report. */
public final class SpecException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public SpecException(String source, List<Problem> problems) {
        super(report(source, problems));
        this.problems = List.copyOf(problems);
    }

    /** The problems, in the order found. */
    public List<Problem> problems() {
        return problems;
    }

    private static String report(String source, List<Problem> problems) {
        StringBuilder out = new StringBuilder(source).append(": ").append(problems.size())
                .append(problems.size() == 1 ? " problem" : " problems").append(", nothing was run");
        for (int i = 0; i < problems.size(); i++) {
            out.append(System.lineSeparator()).append(i + 1).append(") ").append(problems.get(i).format());
        }
        return out.toString();
    }
}
