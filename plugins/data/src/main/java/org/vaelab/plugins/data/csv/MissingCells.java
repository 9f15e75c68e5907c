package org.vaelab.plugins.data.csv;

/**
 * What to do with a row that has a missing value: an empty feature cell or one reading {@code NaN}
 * or {@code NA} (in any case), or an empty label cell.
 */
public enum MissingCells {

    /** Stop loading with a message naming the file, line and column. */
    ERROR,

    /** Leave the row out; only the selected feature columns and the label column are looked at. */
    DROP_ROWS
}
