package org.vaelab.plugins.kl;

import org.vaelab.spi.InvalidConfigException;
import org.vaelab.spi.Param;

/**
 * The controlled-capacity objective of Burgess et al. 2018, equation 8. The defaults are the
 * reference setting of the paper's implementations: gamma 1000, C from 0 to 25 nats over 100000 steps.
 *
 * @param gamma the weight of {@code |KL - C|}
 * @param cMin the capacity at step 0, in nats
 * @param cMax the capacity from step {@code steps} on, in nats
 * @param steps how many steps C takes to rise from {@code cMin} to {@code cMax}
 */
public record CapacityConfig(
        @Param(value = "Weight gamma of |KL - C|", defaultValue = "1000.0", min = 0)
        double gamma,
        @Param(value = "Capacity C at step 0, in nats", defaultValue = "0.0", min = 0)
        double cMin,
        @Param(value = "Capacity C reached after `steps` steps and held from then on, in nats", defaultValue = "25.0",
                min = 0)
        double cMax,
        @Param(value = "Steps over which C rises linearly from c_min to c_max", defaultValue = "100000", min = 1)
        long steps) {

    public CapacityConfig {
        if (cMax < cMin) {
            throw new InvalidConfigException("c_max", "c_max (" + cMax + ") must be at least c_min (" + cMin
                    + "): the capacity grows during training");
        }
    }
}
