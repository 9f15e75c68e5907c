package org.vaelab.plugins.optim.schedule;

import java.util.Locale;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.FixedSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.RampSchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;
import org.vaelab.spi.InvalidConfigException;
import org.vaelab.spi.kl.TrainingHorizon;
import org.vaelab.spi.Param;

/**
 * How the learning rate changes with the 0-based iteration t: the {@code schedule} block every
 * built-in optimizer takes, such as {@code {kind: cosine, total_steps: 20000, warmup_steps: 500}}.
 * Options apply to one kind each; those a kind takes and the block does not set get their
 * documented default here, and options of another kind are refused.
 *
 * <p>With base rate {@code lr}, the kinds are {@code constant}: lr; {@code step}:
 * {@code lr * factor^floor(t / every_steps)}; {@code exponential}: {@code lr * gamma^t};
 * {@code cosine}: lr annealed to {@code min_lr} along half a cosine over {@code total_steps} (0, the
 * default: the whole run), then held (Loshchilov and Hutter 2017, equation 5). A linear warm-up multiplies any kind by
 * {@code (t + 1) / warmup_steps} for {@code t < warmup_steps} (the gradual warm-up of Goyal et al.
 * 2017, "Accurate, Large Minibatch SGD: Training ImageNet in 1 Hour", section 2.2, as ND4J's
 * {@link RampSchedule} computes it: the line through 0 at t = -1, so the first step already
 * moves); the kind's own clock starts at t = 0 all the same.
 *
 * @param kind the shape of the schedule
 * @param warmupSteps steps of linear warm-up, 0 for none
 * @param everySteps {@code step}: steps between two decays
 * @param factor {@code step}: the multiplier at each decay
 * @param gamma {@code exponential}: the multiplier per step
 * @param totalSteps {@code cosine}: steps from lr down to min_lr, 0 for the whole run
 * @param minLr {@code cosine}: the final learning rate
 */
public record LearningRateSchedule(
        @Param(value = "constant; step: times factor every every_steps steps; exponential: times gamma every step; "
                + "cosine: half a cosine from lr down to min_lr over total_steps steps (Loshchilov and Hutter 2017)",
                defaultValue = "constant")
        Kind kind,
        @Param(value = "Steps of linear warm-up multiplying any kind, from lr / warmup_steps up to the full rate; "
                + "0 for none", defaultValue = "0", min = 0)
        int warmupSteps,
        @Param(value = "step only, required: steps between two decays", defaultValue = Param.NONE, min = 1)
        Integer everySteps,
        @Param(value = "step only: multiplier at each decay (default 0.1)", defaultValue = Param.NONE, above = 0,
                max = 1)
        Double factor,
        @Param(value = "exponential only, required: multiplier per step, such as 0.9999", defaultValue = Param.NONE,
                above = 0, max = 1)
        Double gamma,
        @Param(value = "cosine only: steps from lr down to min_lr, which is held after; 0 (the default) for the "
                + "whole run", defaultValue = Param.NONE, min = 0)
        Integer totalSteps,
        @Param(value = "cosine only: the final learning rate (default 0)", defaultValue = Param.NONE, min = 0)
        Double minLr) {

    /** The shapes a schedule can take, named in YAML in lower case. */
    public enum Kind {
        CONSTANT, STEP, EXPONENTIAL, COSINE;

        /** The name used in YAML. */
        String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final double DEFAULT_FACTOR = 0.1;
    private static final double DEFAULT_MIN_LR = 0.0;
    private static final int WHOLE_RUN = 0;

    public LearningRateSchedule {
        onlyFor(Kind.STEP, kind, "every_steps", everySteps);
        onlyFor(Kind.STEP, kind, "factor", factor);
        onlyFor(Kind.EXPONENTIAL, kind, "gamma", gamma);
        onlyFor(Kind.COSINE, kind, "total_steps", totalSteps);
        onlyFor(Kind.COSINE, kind, "min_lr", minLr);
        switch (kind) {
            case STEP -> {
                required(kind, "every_steps", everySteps, "the number of steps between two decays");
                factor = factor == null ? DEFAULT_FACTOR : factor;
            }
            case EXPONENTIAL -> required(kind, "gamma", gamma, "the multiplier per step");
            case COSINE -> {
                totalSteps = totalSteps == null ? WHOLE_RUN : totalSteps;
                minLr = minLr == null ? DEFAULT_MIN_LR : minLr;
            }
            case CONSTANT -> { }
        }
    }

    /** The {@code constant} schedule: lr throughout, without warm-up (the default block {@code {}}). */
    public static LearningRateSchedule constant() {
        return new LearningRateSchedule(Kind.CONSTANT, 0, null, null, null, null, null);
    }

    /**
     * Checks the schedule against the optimizer's base rate; optimizer configurations call it from
     * their compact constructors.
     *
     * @throws InvalidConfigException under {@code schedule} if min_lr is above lr
     */
    public void requireFits(double lr) {
        if (minLr != null && minLr > lr) {
            throw new InvalidConfigException("schedule", "min_lr (" + minLr + ") must be at most lr (" + lr
                    + "): the cosine schedule decays from lr to min_lr");
        }
    }

    /**
     * The learning rate at every iteration of a run of length {@code horizon}, starting from {@code lr}, as ND4J
     * updaters read it.
     */
    public ISchedule learningRates(double lr, TrainingHorizon horizon) {
        ISchedule decay = switch (kind) {
            case CONSTANT -> new FixedSchedule(lr);
            case STEP -> new StepSchedule(ScheduleType.ITERATION, lr, factor, everySteps);
            case EXPONENTIAL -> new ExponentialSchedule(ScheduleType.ITERATION, lr, gamma);
            case COSINE -> new CosineDecaySchedule(lr, minLr,
                    totalSteps == WHOLE_RUN ? Math.toIntExact(horizon.totalSteps()) : totalSteps);
        };
        return warmupSteps == 0 ? decay : new RampSchedule(decay, warmupSteps);
    }

    private static void onlyFor(Kind owner, Kind kind, String key, Object value) {
        if (value != null && kind != owner) {
            throw new InvalidConfigException(key, key + " applies to kind " + owner.yamlName() + " only, not to kind "
                    + kind.yamlName());
        }
    }

    private static void required(Kind kind, String key, Object value, String meaning) {
        if (value == null) {
            throw new InvalidConfigException(key, "kind " + kind.yamlName() + " needs " + key + ", " + meaning);
        }
    }
}
