package org.vaelab.core.train;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;
import org.vaelab.spi.model.AuxiliaryNetwork;
import org.vaelab.spi.model.AuxiliaryTerms;
import org.vaelab.spi.model.Objective;
import org.vaelab.spi.nn.NetworkBuilder;

/**
 * A model family's {@link AuxiliaryNetwork}s built into its {@link VaeGraph} so that one backward
 * pass gives every parameter the gradient of its own loss: the networks see the model's codes
 * through a stop-gradient (their losses do not reach the encoder), and the model's loss sees the
 * networks through {@link NetworkBuilder#frozen} weights (it does not reach the networks). The
 * training step then minimises the sum of the model's loss and the networks' losses, whose
 * gradient with respect to each parameter group is that of the group's own loss alone.
 *
 * <p>The codes a network trains on are rows of z picked by two placeholders that the training
 * batches fill from the run's seeded generator ({@link CodePermutations}): {@link #JOINT_ROWS}, a
 * selection matrix of the first half of the rows, and {@link #PERMUTATION}, one-hot weights that
 * permute each dimension of the second half across its rows (permute_dims, Kim and Mnih 2018,
 * "Disentangling by Factorising", Algorithm 1). They select by products with one-hot arrays rather
 * than by gathering indices: SameDiff differentiates a gather through a loop that the compiled
 * plan cannot run, and it differentiates through a stop-gradient's inputs.
 *
 * @param modelLoss the sum of the networks' terms in the model's loss; null when none adds one
 * @param loss the sum of the networks' own losses
 * @param metrics the networks' metrics, by name
 */
record AuxiliaryGraph(SDVariable modelLoss, SDVariable loss, Map<String, SDVariable> metrics) {

    /** Placeholder: the rows of z a network sees as they are, one-hot rows {@code [h, n]}, n the rows of z. */
    static final String JOINT_ROWS = "auxiliary/joint_rows";
    /**
     * Placeholder: the permuted codes' sources, {@code [h, n, latentDim]}, 1 at {@code [i, r, j]} when row i of
     * dimension j is taken from row r of z, else 0.
     */
    static final String PERMUTATION = "auxiliary/permutation";

    /** Output: the codes the networks see as they are, {@code [h, latentDim]}. */
    static final String CODES = "auxiliary/codes";
    /** Output: the codes the networks see with each dimension permuted, {@code [h, latentDim]}. */
    static final String PERMUTED_CODES = "auxiliary/permuted_codes";
    /** Output: the sum of the networks' own losses. */
    static final String LOSS = "auxiliary/loss";

    private static final Set<String> MODEL_SCOPES = Set.of(VaeGraph.ENCODER_SCOPE, VaeGraph.DECODER_SCOPE,
            VaeGraph.PRIOR_SCOPE, VaeGraph.POSTERIOR_SCOPE);

    /**
     * Builds {@code networks} on the codes {@code z}, {@code [rows, latentDim]}, drawing their
     * initial weights from {@code random} in order.
     *
     * @throws IllegalStateException when a scope is not a lower-case word, is one of the model's or is given twice
     */
    static AuxiliaryGraph build(SameDiff sd, List<AuxiliaryNetwork> networks, SDVariable z, int latentDim,
                                RandomGenerator random) {
        SDVariable constant = new StopGradient(sd, z).outputVariable();
        SDVariable jointRows = sd.placeHolder(JOINT_ROWS, DataType.FLOAT, -1, -1);
        SDVariable permutation = sd.placeHolder(PERMUTATION, DataType.FLOAT, -1, -1, latentDim);
        SDVariable codes = sd.identity(CODES, jointRows.mmul(constant));
        SDVariable permuted = sd.identity(PERMUTED_CODES, permutation.mul(sd.expandDims(constant, 0)).sum(1));
        SDVariable modelLoss = null;
        SDVariable loss = null;
        Map<String, SDVariable> metrics = new LinkedHashMap<>();
        Set<String> scopes = new HashSet<>();
        for (AuxiliaryNetwork network : networks) {
            String scope = network.scope();
            if (!scope.matches("[a-z][a-z0-9_]*") || MODEL_SCOPES.contains(scope) || !scopes.add(scope)) {
                throw new IllegalStateException("auxiliary network scope '" + scope + "' must be a lower-case word, "
                        + "unique, and none of " + MODEL_SCOPES);
            }
            SDVariable output = network.apply(new NetworkBuilder(sd, scope, random), codes, latentDim);
            SDVariable permutedOutput = network.apply(NetworkBuilder.sharing(sd, scope, random), permuted, latentDim);
            Objective objective = network.objective(sd, new AuxiliaryTerms(codes, permuted, output, permutedOutput));
            loss = loss == null ? objective.loss() : loss.add(objective.loss());
            objective.metrics().forEach((name, value) -> {
                if (metrics.putIfAbsent(name, value) != null) {
                    throw new IllegalStateException("two auxiliary networks log the metric " + name);
                }
            });
            SDVariable onModelCodes = network.apply(NetworkBuilder.frozen(sd, scope, random), z, latentDim);
            SDVariable term = network.modelLoss(sd, onModelCodes).orElse(null);
            if (term != null) {
                modelLoss = modelLoss == null ? term : modelLoss.add(term);
            }
        }
        return new AuxiliaryGraph(modelLoss, sd.identity(LOSS, loss), metrics);
    }
}
