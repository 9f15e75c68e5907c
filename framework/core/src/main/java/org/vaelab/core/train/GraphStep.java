package org.vaelab.core.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A training step that runs the graph forward and backward with SameDiff: every model can train this way. */
final class GraphStep implements TrainingStep {

    /** The {@link #kind()} of this step. */
    static final String KIND = "graph";

    private final VaeGraph graph;
    private final List<String> outputs;
    private final List<String> parameters;
    private Map<String, INDArray> lastGradients = Map.of();

    GraphStep(VaeGraph graph) {
        this.graph = graph;
        graph.createGradients();
        List<String> names = new ArrayList<>(List.of(VaeGraph.LOSS, VaeGraph.RECON_LOSS, VaeGraph.KL_MEAN));
        names.addAll(graph.familyMetrics());
        this.outputs = List.copyOf(names);
        this.parameters = graph.parameterNames();
    }

    /**
     * {@inheritDoc} The previous call's gradient arrays are freed first, and the measured outputs
     * as soon as they are read ({@link HostArrays#free}).
     */
    @Override
    public Outcome compute(TrainingBatch batch) {
        HostArrays.free(lastGradients.values());
        OutAndGrad result = SameDiffGraphs.gradientsAndOutputs(graph.sameDiff(), batch.feed(), outputs, parameters);
        Map<String, INDArray> measured = result.getOutputs();
        Map<String, Double> familyMetrics = new LinkedHashMap<>();
        for (String name : graph.familyMetrics()) {
            familyMetrics.put(name.substring(VaeGraph.FAMILY_METRIC.length()), measured.get(name).getDouble(0));
        }
        StepValues values = new StepValues(measured.get(VaeGraph.LOSS).getDouble(0),
                measured.get(VaeGraph.RECON_LOSS).getDouble(0), measured.get(VaeGraph.KL_MEAN).getDouble(0),
                batch.weighting(), familyMetrics);
        HostArrays.free(measured.values());
        lastGradients = result.getGradients();
        return new Outcome(values, lastGradients);
    }

    @Override
    public String kind() {
        return KIND;
    }
}
