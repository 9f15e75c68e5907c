package org.vaelab.plugins.families;

import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.vaelab.spi.model.ModelFamily;
import org.vaelab.spi.model.Objective;
import org.vaelab.spi.model.ObjectiveTerms;

/**
 * DIP-VAE (Kumar, Sattigeri and Balakrishnan 2018, "Variational Inference of Disentangled Latent
 * Concepts from Unlabeled Observations"): the VAE's loss plus a penalty that moves a covariance
 * matrix C of the codes towards the identity,
 * {@code lambda_od sum_{i != j} C_ij^2 + lambda_d sum_i (C_ii - 1)^2}. DIP-VAE-I takes the
 * covariance of the posterior means over the data, {@code C = Cov_p(x)[mu(x)]} (eq. 6);
 * DIP-VAE-II that of the aggregate posterior q(z),
 * {@code C = E_p(x)[Sigma(x)] + Cov_p(x)[mu(x)]} (eq. 7), which adds the mean posterior
 * variances to the diagonal. Both are estimated on the batch ({@code Cov[mu] = 1/M sum_m
 * (mu_m - mean mu)(mu_m - mean mu)^T}). The VAE's loss is {@code -mean(E_q[log p(x|z)])} plus the
 * spec's KL penalty (the ELBO for the default {@code kl: {type: beta, beta: 1}}, as in the
 * paper). The penalty is logged as {@code train/covariance_penalty}.
 */
final class DipVaeFamily implements ModelFamily {

    /** Which covariance the penalty is on. */
    enum Covariance {
        /** DIP-VAE-I: of the posterior means. */
        OF_MEANS,
        /** DIP-VAE-II: of the aggregate posterior, the means' covariance plus the mean posterior variance. */
        OF_AGGREGATE_POSTERIOR
    }

    private final Covariance covariance;
    private final double lambdaOffDiagonal;
    private final double lambdaDiagonal;

    DipVaeFamily(Covariance covariance, double lambdaOffDiagonal, double lambdaDiagonal) {
        this.covariance = covariance;
        this.lambdaOffDiagonal = lambdaOffDiagonal;
        this.lambdaDiagonal = lambdaDiagonal;
    }

    @Override
    public Objective objective(SameDiff sd, ObjectiveTerms terms) {
        SDVariable penalty = penalty(sd, terms.mean(), terms.logVariance());
        SDVariable loss = terms.logPx().mean().neg().add(terms.klPenalty()).add(penalty);
        return new Objective(loss, Map.of("covariance_penalty", penalty));
    }

    /** The penalty on the batch's posterior means and log-variances, both {@code [M, d]}, a scalar. */
    SDVariable penalty(SameDiff sd, SDVariable mean, SDVariable logVariance) {
        SDVariable centred = mean.sub(mean.mean(true, 0));
        SDVariable covarianceOfMeans = sd.expandDims(centred, 2).mul(sd.expandDims(centred, 1)).mean(0);
        SDVariable meansVariance = centred.mul(centred).mean(0);
        // sum_{i != j} C_ij^2: the diagonal is the same in both covariances' off-diagonal part
        SDVariable offDiagonal = covarianceOfMeans.mul(covarianceOfMeans).sum()
                .sub(meansVariance.mul(meansVariance).sum());
        SDVariable diagonal = covariance == Covariance.OF_MEANS ? meansVariance
                : meansVariance.add(sd.math().exp(logVariance).mean(0));
        SDVariable fromOne = diagonal.sub(1.0);
        return offDiagonal.mul(lambdaOffDiagonal).add(fromOne.mul(fromOne).sum().mul(lambdaDiagonal));
    }
}
