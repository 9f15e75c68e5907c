package org.vaelab.spi.data;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * A source of examples. {@link #load} reads or generates the three splits; it is called once per
 * run, before the model is assembled, so the model can be sized by {@link DataSplits#shape()}.
 * Problems a person can fix (missing or malformed files) are reported as
 * {@link org.vaelab.spi.InvalidInputException} naming the file and where in it.
 */
public interface Dataset {

    /** Loads the train, validation and test splits. */
    DataSplits load(LoadContext context) throws IOException;

    /**
     * The data's common name, such as {@code fashion-mnist}, under which trackers record it; empty
     * (the default) to use the dataset's type. Since SPI 2.2.
     */
    default Optional<String> name() {
        return Optional.empty();
    }

    /**
     * The name of each class label, by label ({@code T-shirt/top} for Fashion-MNIST's label 0), which
     * figures show instead of the numbers; empty (the default) when the classes have no names of
     * their own. Since SPI 2.3.
     */
    default List<String> classNames() {
        return List.of();
    }
}
