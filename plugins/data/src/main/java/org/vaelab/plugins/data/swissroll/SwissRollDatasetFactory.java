package org.vaelab.plugins.data.swissroll;

import org.vaelab.spi.ComponentFactory;
import org.vaelab.spi.data.Dataset;

/** Registers the {@code swiss_roll} dataset: the classic 3-D manifold of a rolled-up sheet. */
public final class SwissRollDatasetFactory implements ComponentFactory<SwissRollConfig, Dataset> {

    @Override
    public Class<SwissRollConfig> configType() {
        return SwissRollConfig.class;
    }

    @Override
    public Dataset create(SwissRollConfig config) {
        return new SwissRollDataset(config);
    }

    @Override
    public String description() {
        return "The Swiss roll: 3-D points on a rolled-up 2-D sheet, generated from the seed "
                + "(as scikit-learn's make_swiss_roll)";
    }
}
