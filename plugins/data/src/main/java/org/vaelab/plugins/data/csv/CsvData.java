package org.vaelab.plugins.data.csv;

import java.util.List;
import org.vaelab.plugins.data.table.ColumnScaling;
import org.vaelab.spi.data.DataSplits;

/**
 * A loaded CSV dataset with what a run needs to keep beside the splits.
 *
 * @param splits the scaled train, validation and test splits
 * @param scaling the scaling fitted on the training split: the column names and each column's
 *     offset and scale, to be saved with the run
 * @param classes the label of each class id, in order of first appearance in the file; empty
 *     without a label column
 */
public record CsvData(DataSplits splits, ColumnScaling scaling, List<String> classes) {

    public CsvData {
        classes = List.copyOf(classes);
    }
}
