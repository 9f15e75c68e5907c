package org.vaelab.plugins.data;

import java.util.List;

/**
 * The class names of a labelled dataset as the CSV table a run keeps under {@code data/classes.csv}:
 * a header {@code id,label}, then one row per class, the name quoted (RFC 4180).
 */
public final class ClassTable {

    /** The file name a run keeps the table under. */
    public static final String FILE = "classes.csv";

    private ClassTable() {
    }

    /** The table of {@code classes}, class i named {@code classes.get(i)}. */
    public static String csv(List<String> classes) {
        StringBuilder table = new StringBuilder("id,label\n");
        for (int id = 0; id < classes.size(); id++) {
            table.append(id).append(",\"").append(classes.get(id).replace("\"", "\"\"")).append("\"\n");
        }
        return table.toString();
    }
}
