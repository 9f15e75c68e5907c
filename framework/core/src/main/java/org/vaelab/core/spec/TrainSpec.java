package org.vaelab.core.spec;

import org.vaelab.spi.Param;

/** How long to train, how to batch, how often to log and to save the training state. */
public record TrainSpec(
        @Param(value = "Passes over the training split", defaultValue = "10", min = 1) int epochs,
        @Param(value = "Examples per optimizer step", defaultValue = "128", min = 1) int batchSize,
        @Param(value = "Monte Carlo samples of z per example in the training ELBO", defaultValue = "1", min = 1,
                max = 1024)
        int mcSamples,
        @Param(value = "Steps between logged training metrics (means over the steps since the last log)",
                defaultValue = "50", min = 1)
        int logEverySteps,
        @Param(value = "Epochs between checkpoints of the training state (checkpoints/last.ckpt), which "
                + "'vae run SPEC --resume RUN_DIR' continues from; the last epoch is always saved",
                defaultValue = "1", min = 1)
        int checkpointEveryEpochs,
        @Param(value = "End the run when the validation ELBO stops improving: {metric: val/elbo, patience: P,"
                + " min_delta: D}; the final evaluation then uses the best epoch's weights (off when not written)",
                defaultValue = Param.NONE)
        EarlyStoppingSpec earlyStopping,
        @Param(value = "A learning rate that follows the validation ELBO: {type: reduce_on_plateau, factor: 0.5,"
                + " patience: P, min_lr: M} (off when not written)", defaultValue = Param.NONE)
        LearningRateScheduleSpec lrSchedule) {
}
