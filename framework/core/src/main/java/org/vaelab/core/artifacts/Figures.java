package org.vaelab.core.artifacts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures of a trained run, chosen by the kind of data, all deterministic given the inputs'
 * random generator (prior samples are its only draws). Paths are relative to the run directory.
 * <ul>
 *   <li>Images ({@code [C, H, W]}): {@link Reconstructions images/reconstructions.png},
 *       {@link PriorSamples images/samples.png}, {@link LatentTraversals images/traversals.png},
 *       {@link LatentInterpolation images/interpolation.png and .gif} (two or more test examples),
 *       and {@link LatentManifold images/manifold.png} for a 2-D latent space under the prior N(0, I).</li>
 *   <li>Feature vectors with two or more features: {@link DataScatter images/data_scatter.png}.</li>
 *   <li>Both, with a latent space of two or more dimensions: {@link LatentScatter images/latent_scatter.png};
 *       with a {@code metrics.csv}: {@link TrainingCurves images/training_curves.png}.</li>
 *   <li>Where the KL of each latent dimension is defined: {@link KlPerDimension images/kl_per_dimension.png}.</li>
 * </ul>
 */
public final class Figures {

    private Figures() {
    }

    /** Draws every figure that applies to {@code inputs}, in the order listed above. */
    public static List<Figure> render(FigureInputs inputs) throws IOException {
        List<Figure> figures = new ArrayList<>();
        for (Drawing drawing : drawings(inputs)) {
            figures.addAll(drawing.draw());
        }
        return figures;
    }

    /**
     * The drawings of every figure that applies to {@code inputs}, in the order listed above, not
     * drawn yet: so that a run can show how many are left while it draws them.
     */
    public static List<Drawing> drawings(FigureInputs inputs) {
        List<Drawing> drawings = new ArrayList<>();
        if (inputs.shape().isImage()) {
            drawings.add(() -> List.of(Reconstructions.figure(inputs)));
            drawings.add(() -> List.of(PriorSamples.figure(inputs)));
            drawings.add(() -> List.of(LatentTraversals.figure(inputs)));
            if (inputs.test().size() >= 2) {
                drawings.add(() -> LatentInterpolation.figures(inputs));
            }
            if (inputs.latentDim() == 2 && inputs.model().priorIsStandardNormal()) {
                drawings.add(() -> List.of(LatentManifold.figure(inputs)));
            }
        } else if (inputs.shape().size() >= 2) {
            drawings.add(() -> List.of(DataScatter.figure(inputs)));
        }
        if (inputs.latentDim() >= 2) {
            drawings.add(() -> List.of(LatentScatter.figure(inputs)));
        }
        drawings.add(() -> TrainingCurves.figure(inputs.metricsCsv()).stream().toList());
        drawings.add(() -> KlPerDimension.figure(inputs.klPerDimension()).stream().toList());
        return drawings;
    }

    /** One figure's drawing (two for an interpolation, its still and its animation; none where it has no data). */
    @FunctionalInterface
    public interface Drawing {
        List<Figure> draw() throws IOException;
    }
}
