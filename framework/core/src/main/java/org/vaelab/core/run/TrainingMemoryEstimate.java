package org.vaelab.core.run;

import java.util.Locale;
import java.util.function.Consumer;
import org.vaelab.core.spec.ExperimentSpec;
import org.vaelab.core.train.VaeGraph;
import org.vaelab.spi.InvalidInputException;

/**
 * The resident memory a spec's run needs at its peak, estimated from the resolved spec before the
 * run starts, so a spec that cannot fit is refused as a spec problem (nothing written) instead of
 * growing until the kernel kills the process: {@code model.family: {type: iwae, samples: 1024}}
 * with the default batch grew to 24 GB in 70 s. The graph's passes run over rows of at most the
 * widest layer's values: {@code train.batch_size} times the samples of z per example in a
 * training step, {@code eval.batch_size} (or the larger of the validation and test splits, if
 * smaller) times as many in an evaluation pass. The compiled plans of both passes are kept for the
 * whole run, so the estimate is the heap's maximum plus {@value #ARRAYS_PER_ROW} float arrays of
 * the widest layer per row of the two passes together: a whole run of an MLP-400 IWAE (one epoch
 * and its evaluation, bench/peak-memory/iwae.yaml) peaked at 2,079 and 3,796 MiB resident with 32
 * and 64 samples, 375 MiB with one, about 15.5 arrays of 784 values per row of 128 + 1,000 rows per
 * sample (docs/performance.md); the estimate counts half as many again for the arrays that wait
 * for the next collection. Conv layers hold more values than their widest parameter dimension, so
 * it may err low there (JavaCPP's bound on the whole process still stops such a run, with an
 * OutOfMemoryError).
 */
final class TrainingMemoryEstimate {

    /** Float arrays of the widest layer per row of a pass, measured (see above). */
    static final int ARRAYS_PER_ROW = 24;
    private static final int BYTES_PER_VALUE = Float.BYTES;
    /** A run estimated above this share of the limit gets a warning. */
    private static final double CLOSE = 0.75;

    private final ExperimentSpec spec;
    private final int samples;
    private final long widest;
    private final int evalBatch;
    private final long heap;

    private TrainingMemoryEstimate(ExperimentSpec spec, int samples, long widest, int evalBatch, long heap) {
        this.spec = spec;
        this.samples = samples;
        this.widest = widest;
        this.evalBatch = evalBatch;
        this.heap = heap;
    }

    /**
     * The estimate for {@code spec} with its built {@code graph}, whose inputs have
     * {@code inputValues} values, evaluated on splits of at most {@code evalExamples} examples, in a
     * process whose heap may grow to {@code heap} bytes.
     */
    static TrainingMemoryEstimate of(ExperimentSpec spec, VaeGraph graph, int inputValues, int evalExamples,
            long heap) {
        long widest = inputValues;
        for (String name : graph.parameterNames()) {
            for (long dimension : graph.sameDiff().getArrForVarName(name).shape()) {
                widest = Math.max(widest, dimension);
            }
        }
        return new TrainingMemoryEstimate(spec, graph.samples(), widest,
                Math.min(spec.eval().batchSize(), evalExamples), heap);
    }

    /** The estimated peak resident memory in bytes. */
    long bytes() {
        return heap + bytesPerRow() * (trainRows() + evalRows());
    }

    /**
     * Refuses the spec when the estimate exceeds {@code limit} bytes ({@code limitName} says whose
     * limit), naming the keys to lower and how far; tells {@code warnings} when it comes close.
     */
    void check(long limit, String limitName, Consumer<String> warnings) {
        long bytes = bytes();
        if (bytes > limit) {
            long rowsPerSample = spec.train().batchSize() + evalBatch;
            long fittingSamples = Math.max(0, (limit - heap) / bytesPerRow() / rowsPerSample);
            throw new InvalidInputException(String.format(Locale.ROOT,
                    "%s: %s needs an estimated %s at its peak, more than"
                    + " the %s this process may use; lower %s (at most %d with these batch sizes), train.batch_size or"
                    + " eval.batch_size, or allow more memory, for example VAE_JAVA_OPTS='-Xmx1g"
                    + " -Dorg.bytedeco.javacpp.maxphysicalbytes=%dG' on a machine that has it",
                    samplesKey(), describe(), NativeMemory.gigabytes(bytes), limitName, samplesKey(), fittingSamples,
                    (long) Math.ceil(bytes / 1e9)));
        }
        if (bytes > CLOSE * limit) {
            warnings.accept(String.format(Locale.ROOT, "warning: %s needs an estimated %s at its peak, close to the %s"
                    + " this process may use", describe(), NativeMemory.gigabytes(bytes), limitName));
        }
    }

    private String describe() {
        return String.format(Locale.ROOT, "train.batch_size %d x %d samples of z (%s) = %,d rows per training step and"
                        + " eval.batch_size %d x %d = %,d rows per evaluation pass, of up to %,d values each,",
                spec.train().batchSize(), samples, samplesKey(), trainRows(), evalBatch, samples, evalRows(),
                widest);
    }

    /**
     * The key that sets the samples: the family's own (iwae's samples replace train.mc_samples) or train.mc_samples.
     */
    private String samplesKey() {
        return samples == spec.train().mcSamples() ? "train.mc_samples" : "model.family.samples";
    }

    private long trainRows() {
        return (long) spec.train().batchSize() * samples;
    }

    private long evalRows() {
        return (long) evalBatch * samples;
    }

    private long bytesPerRow() {
        return ARRAYS_PER_ROW * BYTES_PER_VALUE * widest;
    }
}
