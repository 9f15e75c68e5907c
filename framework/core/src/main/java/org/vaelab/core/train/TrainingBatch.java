package org.vaelab.core.train;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaelab.spi.kl.KlWeighting;

/**
 * One optimizer step's input: the values of the graph's placeholders and the KL weighting they carry.
 *
 * @param feed {@code x}, {@code eps}, {@code kl_weight} and {@code kl_capacity}
 * @param weighting the KL weighting fed as {@code kl_weight} and {@code kl_capacity}
 */
record TrainingBatch(Map<String, INDArray> feed, KlWeighting weighting) {

    /** Frees the feed's native memory once the step is done with it ({@link HostArrays#free}). */
    void close() {
        HostArrays.free(feed.values());
    }
}
