package org.vaelab.spi.data;

import java.io.IOException;

/**
 * A source of examples. {@link #load} reads or generates the three splits; it is called once per
 * run, before the model is assembled, so the model can be sized by {@link DataSplits#shape()}.
 * Problems a person can fix (missing or malformed files) are reported as
 * {@link org.vaelab.spi.InvalidInputException} naming the file and where in it.
 */
public interface Dataset {

    /** Loads the train, validation and test splits. */
    DataSplits load(LoadContext context) throws IOException;
}
