package org.vaelab.plugins.families.latent;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.vaelab.spi.InvalidInputException;
import org.vaelab.spi.RowSums;
import org.vaelab.spi.latent.LatentContext;

/**
 * A latent code of {@code groups} categorical variables of {@code categories} classes each, z laid out group by
 * group ({@code latentDim = groups * categories}), and the densities of its Concrete relaxation (Maddison, Mnih and
 * Teh 2017, "The Concrete Distribution"; Jang, Gu and Poole 2017, "Categorical Reparameterization with
 * Gumbel-Softmax") at temperature tau. Values of shape {@code [rows, latentDim]} are worked on as
 * {@code [rows * groups, categories]}, one categorical variable a row.
 */
record CategoricalCode(SameDiff sd, int groups, int categories, double temperature) {

    /**
     * The code of a model's latent size.
     *
     * @param key the spec key of the part, named when the latent size is not a multiple of the categories
     * @throws InvalidInputException if {@code latent_dim} is not a multiple of {@code categories}
     */
    static CategoricalCode of(LatentContext context, CategoricalCodeConfig config, String key) {
        int latentDim = context.latentDim();
        if (latentDim % config.categories() != 0) {
            throw new InvalidInputException(key + ".categories: " + config.categories() + " does not divide "
                    + "model.latent_dim " + latentDim + "; latent_dim must be groups * categories");
        }
        return new CategoricalCode(context.sameDiff(), latentDim / config.categories(), config.categories(),
                config.temperature());
    }

    /** {@code [rows, latentDim]} as {@code [rows * groups, categories]}. */
    SDVariable byVariable(SDVariable code) {
        return sd.reshape(code, -1, categories);
    }

    /** {@code [rows * groups, categories]} back as {@code [rows, latentDim]}. */
    SDVariable byRow(SDVariable variables) {
        return sd.reshape(variables, -1, groups * categories);
    }

    /** The sum over each row's groups of a per-variable value {@code [rows * groups]}, as {@code [rows]}. */
    SDVariable sumOverGroups(SDVariable perVariable) {
        return RowSums.of(sd, sd.reshape(perVariable, -1, groups), groups);
    }

    /**
     * The log-density of the Concrete distribution with location {@code alpha = exp(logits)} and temperature tau at
     * y on the simplex, summed over the groups (Maddison et al. 2017, eq. 2):
     * {@code log p(y) = log (K-1)! + (K-1) log tau + sum_k (log alpha_k - (tau + 1) log y_k)
     * - K log sum_k alpha_k y_k^(-tau)}.
     *
     * @param logits log alpha per variable, {@code [rows * groups, categories]}
     * @param logY log y per variable, {@code [rows * groups, categories]}
     * @return {@code [rows]}
     */
    SDVariable concreteLogDensity(SDVariable logits, SDVariable logY) {
        double constant = logFactorial(categories - 1) + (categories - 1) * Math.log(temperature);
        SDVariable terms = RowSums.of(sd, logits.sub(logY.mul(temperature + 1)), categories);
        SDVariable normaliser = logSumExp(logits.sub(logY.mul(temperature))).mul(categories);
        return sumOverGroups(terms.sub(normaliser).add(constant));
    }

    /**
     * KL(Cat(q) || Cat(1/K)) of every class of every variable, {@code q_k log(q_k K)}, {@code q = softmax(logits)}
     * (the KL of PyTorch-VAE's CategoricalVAE; the rows of a group sum to that variable's KL).
     *
     * @param logits {@code [rows, latentDim]}
     * @return {@code [rows, latentDim]}
     */
    SDVariable klPerClass(SDVariable logits) {
        SDVariable logQ = logSoftmax(byVariable(logits));
        return byRow(sd.math().exp(logQ).mul(logQ.add(Math.log(categories))));
    }

    /**
     * {@code log softmax} of every row, {@code a - log sum_k exp(a_k)}, around the row's largest value (written out:
     * SameDiff's own log-softmax cannot be differentiated along a dimension in ND4J 1.0.0-M2.1).
     */
    SDVariable logSoftmax(SDVariable a) {
        SDVariable shifted = a.sub(a.max(true, 1));
        return shifted.sub(sd.math().log(sd.math().exp(shifted).sum(true, 1)));
    }

    /** The class probabilities {@code softmax(logits)} of every variable, {@code [rows, latentDim]} in and out. */
    SDVariable probabilities(SDVariable logits) {
        return byRow(sd.math().exp(logSoftmax(byVariable(logits))));
    }

    /** {@code log sum_k exp(a_k)} of every row, {@code [rows]}, around the row's largest value. */
    private SDVariable logSumExp(SDVariable a) {
        SDVariable largest = a.max(true, 1);
        return sd.reshape(largest, -1).add(sd.math().log(RowSums.of(sd, sd.math().exp(a.sub(largest)), categories)));
    }

    private static double logFactorial(int n) {
        double sum = 0;
        for (int i = 2; i <= n; i++) {
            sum += Math.log(i);
        }
        return sum;
    }
}
