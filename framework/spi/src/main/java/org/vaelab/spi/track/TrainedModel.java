package org.vaelab.spi.track;

import java.nio.file.Path;
import java.util.Map;

/**
 * The trained model of a finished run, as a tracker with a model store keeps it (an MLflow 3
 * logged model, say): its files and the metrics that measure it.
 *
 * @param name a readable name of the model, such as the spec's name
 * @param files the model's files: the path each has inside the model ({@code MLmodel},
 *     {@code checkpoints/final.fb}) to the file of the run directory that holds it
 * @param metrics the final test metrics of the trained model, slash-named ({@code test/elbo})
 * @param step the global step at which {@code metrics} were measured
 */
public record TrainedModel(String name, Map<String, Path> files, Map<String, Double> metrics, long step) {

    public TrainedModel {
        files = Map.copyOf(files);
        metrics = Map.copyOf(metrics);
    }
}
