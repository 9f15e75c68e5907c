package org.vaelab.plugins.optim;

/** The descriptions of the options every built-in optimizer's configuration ends with. */
final class OptimizerOptions {

    /** The {@code schedule} block. */
    static final String SCHEDULE = "Learning-rate schedule {kind: constant|step|exponential|cosine, warmup_steps, ...} "
            + "with the kind's options: every_steps and factor (step), gamma (exponential), total_steps and "
            + "min_lr (cosine)";

    /** The {@code max_grad_norm} option. */
    static final String MAX_GRAD_NORM = "Largest global L2 norm of all gradients together; above it they are scaled "
            + "down to it (Pascanu et al. 2013). Unset for no clipping";

    private OptimizerOptions() {
    }
}
