package org.vaelab.plugins.families;

import org.nd4j.autodiff.samediff.SameDiff;
import org.vaelab.spi.InvalidInputException;
import org.vaelab.spi.data.DataShape;
import org.vaelab.spi.model.Conditioning;
import org.vaelab.spi.model.ModelFamily;
import org.vaelab.spi.model.Objective;
import org.vaelab.spi.model.ObjectiveTerms;

/**
 * The conditional VAE of Sohn, Lee and Yan 2015, "Learning Structured Output Representation using
 * Deep Conditional Generative Models": the encoder q(z|x, y) and the decoder p(x|z, y) both take
 * the example's class label y as a one-hot vector, and training maximises the conditional ELBO of
 * their eq. 4, {@code log p(x|y) >= E_q(z|x,y)[log p(x|z, y)] - KL(q(z|x, y) || p(z|y))}, with the
 * prior p(z|y) fixed to N(0, I) (as in the M2 model of Kingma, Rezende, Mohamed and Welling 2014,
 * "Semi-supervised Learning with Deep Generative Models"). The loss is then the plain VAE's,
 * {@code -mean(E_q[log p(x|z, y)])} plus the KL schedule's penalty, on the conditioned terms.
 */
final class CvaeFamily implements ModelFamily {

    private final ModelFamily vae = new VaeFamily();

    @Override
    public Conditioning conditioning(DataShape shape) {
        if (shape.classes() == 0) {
            throw new InvalidInputException("model.family: cvae conditions the encoder and decoder on each example's"
                    + " class label, but the data have no labels; use labelled data (such as mnist, or csv with a label"
                    + " column) or model.family vae");
        }
        return Conditioning.onLabels(shape.classes());
    }

    @Override
    public Objective objective(SameDiff sd, ObjectiveTerms terms) {
        return vae.objective(sd, terms);
    }
}
