package org.vaelab.core.train;

import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.ListenerVariables;
import org.nd4j.autodiff.listeners.Loss;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.vaelab.spi.kl.KlWeighting;

/**
 * Reads the loss and the ELBO terms the training pass computes anyway, so logging them costs no
 * extra forward pass. The loss is put together from them with the graph's formula: SameDiff
 * 1.0.0-M2.1 reports neither the loss variable's activation nor its value in {@link Loss}.
 */
final class StepListener extends BaseListener {

    private final TrainingBatches batches;
    private final StepObserver observer;
    private long globalStep;
    private double reconLoss = Double.NaN;
    private double kl = Double.NaN;

    StepListener(TrainingBatches batches, StepObserver observer, long firstStep) {
        this.batches = batches;
        this.observer = observer;
        this.globalStep = firstStep;
    }

    @Override
    public ListenerVariables requiredVariables(SameDiff sd) {
        return ListenerVariables.builder().trainingVariables(VaeGraph.RECON_LOSS, VaeGraph.KL_MEAN).build();
    }

    @Override
    public boolean isActive(Operation operation) {
        return operation == Operation.TRAINING;
    }

    @Override
    public void activationAvailable(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, String varName, INDArray activation) {
        if (VaeGraph.RECON_LOSS.equals(varName)) {
            reconLoss = activation.getDouble(0);
        } else if (VaeGraph.KL_MEAN.equals(varName)) {
            kl = activation.getDouble(0);
        }
    }

    @Override
    public void iterationDone(SameDiff sd, At at, MultiDataSet dataSet, Loss loss) {
        globalStep++;
        KlWeighting weighting = batches.lastWeighting();
        double total = reconLoss + weighting.weight() * Math.abs(kl - weighting.capacity());
        observer.stepDone(globalStep, new StepValues(total, reconLoss, kl, weighting));
    }
}
