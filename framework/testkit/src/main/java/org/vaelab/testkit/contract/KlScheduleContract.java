package org.vaelab.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vaelab.spi.Family;
import org.vaelab.spi.kl.KlSchedule;
import org.vaelab.spi.kl.KlWeighting;
import org.vaelab.spi.kl.TrainingHorizon;

/**
 * The contract of a KL schedule type: the checks of {@link ComponentContract} and
 * {@link ModelPartContract}, and a weighting at every step that is finite and a pure function of
 * the step and the horizon (a resumed run must see the same weights). A plugin's test extends it
 * in one line:
 * <pre>class MyContractTest extends KlScheduleContract { MyContractTest() { super("my_type", Map.of()); } }</pre>
 */
public abstract class KlScheduleContract extends ModelPartContract<KlSchedule> {

    /**
     * @param type the YAML type name
     * @param options options to test it with, by YAML key; every required one must be given
     */
    protected KlScheduleContract(String type, Map<String, ?> options) {
        super(Family.KL_SCHEDULE, type, options);
    }

    @Override
    final ContractModel place(ContractModel reference, KlSchedule tested) {
        return reference.withSchedule(tested);
    }

    @Test
    void weighsEveryStepFinitelyAsAPureFunctionOfStepAndHorizon() {
        KlSchedule schedule = component();
        KlSchedule again = component();
        TrainingHorizon horizon = new TrainingHorizon(100, 3);
        for (long step = 0; step <= horizon.totalSteps() + 10; step += 7) {
            KlWeighting weighting = schedule.at(step, horizon);
            assertTrue(Double.isFinite(weighting.weight()) && Double.isFinite(weighting.capacity()), "step " + step);
            assertEquals(weighting, again.at(step, horizon), "another instance at step " + step);
        }
        assertEquals(schedule.at(150, horizon), schedule.at(150, horizon), "asked twice");
    }
}
