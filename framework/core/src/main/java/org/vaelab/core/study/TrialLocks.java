package org.vaelab.core.study;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.vaelab.core.run.ProcessLock;

/**
 * The locks of the trials one {@code vae sweep} process runs, taken together before it runs any,
 * so a second sweep of the same trials (the same study twice, or a shard overlapping another)
 * refuses instead of running each trial again, while shards of one study, whose trials differ,
 * run side by side.
 */
public final class TrialLocks implements AutoCloseable {

    private final List<ProcessLock> locks;

    private TrialLocks(List<ProcessLock> locks) {
        this.locks = locks;
    }

    /**
     * Locks each of {@code trials} in {@code folder}; on a refusal releases those already taken.
     *
     * @throws org.vaelab.spi.InvalidInputException when another process holds a trial
     */
    static TrialLocks acquire(StudyFolder folder, List<Trial> trials) throws IOException {
        List<ProcessLock> locks = new ArrayList<>();
        try {
            for (Trial trial : trials) {
                locks.add(ProcessLock.acquire(folder.lockFile(trial), "trial " + trial.name() + " of " + folder.root(),
                        "wait for that sweep to end, or give each process its own --shard"));
            }
            return new TrialLocks(locks);
        } catch (IOException | RuntimeException e) {
            release(locks);
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        release(locks);
    }

    private static void release(List<ProcessLock> locks) throws IOException {
        for (ProcessLock lock : locks) {
            lock.close();
        }
    }
}
