package org.vaelab.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * What a kernel throws on another lane reaches the caller as it was thrown, so that an
 * OutOfMemoryError on a lane is reported as running out of memory; the schedule runs again
 * afterwards.
 */
class KernelScheduleTest {

    @Test
    void anErrorOnAnotherLaneIsThrownAsItWas() {
        OutOfMemoryError outOfMemory = new OutOfMemoryError("Cannot allocate new PointerPointer(32)");
        AtomicReference<Thread> failingThread = new AtomicReference<>();
        KernelSchedule schedule = twoLanes(() -> {
            failingThread.set(Thread.currentThread());
            throw outOfMemory;
        });

        assertSame(outOfMemory, assertThrows(OutOfMemoryError.class, schedule::run));
        assertNotSame(Thread.currentThread(), failingThread.get(), "the kernel failed on the other lane");
    }

    @Test
    void aRuntimeExceptionOnAnotherLaneIsThrownAsItWasAndTheScheduleRunsAgain() {
        IllegalArgumentException problem = new IllegalArgumentException("shapes");
        AtomicInteger calls = new AtomicInteger();
        KernelSchedule schedule = twoLanes(() -> {
            if (calls.incrementAndGet() == 1) {
                throw problem;
            }
        });

        assertSame(problem, assertThrows(IllegalArgumentException.class, schedule::run));
        schedule.run();
        assertEquals(2, calls.get());
    }

    /** Two kernels of equal cost without dependencies on two lanes: the second runs on the pool's lane. */
    private static KernelSchedule twoLanes(Runnable second) {
        List<Kernel> kernels = List.of(new Kernel("first", () -> { }, new int[0]),
                new Kernel("second", second, new int[0]));
        return KernelSchedule.of(kernels, new long[] {1, 1}, 2);
    }
}
