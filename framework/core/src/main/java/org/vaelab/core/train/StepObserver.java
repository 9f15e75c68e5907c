package org.vaelab.core.train;

/** Told about every optimizer step, on the training thread. */
@FunctionalInterface
public interface StepObserver {

    /** Step {@code globalStep} (1-based count of steps done) finished. */
    void stepDone(long globalStep, StepValues values);
}
