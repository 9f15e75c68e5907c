package org.vaelab.core.study;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vaelab.spi.track.RunStatus;
import org.vaelab.spi.track.TrialRecord;

/**
 * What is known of a study's trials: the local runs folder's runs, then those the parent runs of
 * the trackers list, matched to trials by the SHA-256 of their resolved spec.
 */
public final class StudyRecords {

    private StudyRecords() {
    }

    /** Each trial of {@code plan} with its best run: local runs first, then the trackers'. */
    public static List<TrialOutcome> outcomes(StudyPlan plan, Path runsRoot, ParentRuns parents) throws IOException {
        List<TrialRecord> records = new ArrayList<>(LocalTrialRecords.scan(runsRoot, plan.study().name()));
        records.addAll(parents.trials());
        Map<String, TrialRecord> best = new LinkedHashMap<>();
        for (TrialRecord record : records) {
            TrialRecord known = best.get(record.specSha256());
            if (known == null || known.status() != RunStatus.FINISHED && known.status() != RunStatus.PRUNED) {
                best.put(record.specSha256(), record);
            }
        }
        return plan.trials().stream()
                .map(trial -> new TrialOutcome(trial, Optional.ofNullable(best.get(trial.sha256()))))
                .toList();
    }
}
