package org.vaelab.core.inspect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vaelab.core.eval.Posteriors;
import org.vaelab.core.run.TrainedRun;
import org.vaelab.spi.data.DataSplit;

/**
 * The posterior q(z|x) = N(mu(x), diag(exp(log sigma^2(x)))) of every example of a split under a
 * trained run's encoder (Kingma and Welling 2014, section 3): no noise is involved.
 *
 * @param examples the encoded examples
 * @param means {@code mu}, {@code [examples, latentDim]} row-major
 * @param logVariances {@code log sigma^2}, {@code [examples, latentDim]} row-major
 * @param latentDim the size of z
 */
public record LatentCodes(DataSplit examples, float[] means, float[] logVariances, int latentDim) {

    /** Encodes {@code examples} in batches of the run's {@code eval.batch_size}. */
    public static LatentCodes of(TrainedRun run, DataSplit examples) {
        Posteriors posteriors = Posteriors.of(run.graph(), examples, run.spec().eval().batchSize());
        return new LatentCodes(examples, posteriors.means(), posteriors.logVariances(), posteriors.latentDim());
    }

    /**
     * Writes {@code index, label (when the data has labels), z_mean_0 .. z_mean_(d-1),
     * z_log_var_0 .. z_log_var_(d-1)} per example.
     */
    public void writeCsv(Path target) throws IOException {
        List<String> header = new ArrayList<>(List.of("index"));
        if (examples.hasLabels()) {
            header.add("label");
        }
        header.addAll(CsvTable.numbered("z_mean_", latentDim));
        header.addAll(CsvTable.numbered("z_log_var_", latentDim));
        CsvTable.write(target, header, examples.size(), i -> {
            List<Object> row = new ArrayList<>(List.of(i));
            examples.label(i).ifPresent(row::add);
            for (int d = 0; d < latentDim; d++) {
                row.add(means[i * latentDim + d]);
            }
            for (int d = 0; d < latentDim; d++) {
                row.add(logVariances[i * latentDim + d]);
            }
            return row;
        });
    }
}
