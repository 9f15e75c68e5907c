package org.vaelab.plugins.kl;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.vaelab.testkit.contract.KlScheduleContract;

/** Every KL schedule of this plugin passes the testkit's KL schedule contract. */
class KlScheduleContractsTest {

    @Nested
    class Beta extends KlScheduleContract {
        Beta() {
            super("beta", Map.of("beta", 4.0));
        }
    }

    @Nested
    class Capacity extends KlScheduleContract {
        Capacity() {
            super("capacity", Map.of());
        }
    }

    @Nested
    class Warmup extends KlScheduleContract {
        Warmup() {
            super("warmup", Map.of());
        }
    }

    @Nested
    class Cyclical extends KlScheduleContract {
        Cyclical() {
            super("cyclical", Map.of());
        }
    }

    @Nested
    class FreeBits extends KlScheduleContract {
        FreeBits() {
            super("free_bits", Map.of());
        }
    }
}
