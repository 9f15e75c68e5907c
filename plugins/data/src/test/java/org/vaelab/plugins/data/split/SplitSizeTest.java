package org.vaelab.plugins.data.split;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vaelab.spi.InvalidConfigException;

/** {@link SplitSize}: a count or a fraction, read as written and applied exactly; and {@link SplitSizes}. */
class SplitSizeTest {

    @Test
    void aWholeNumberIsACountAndADecimalOrRatioBelowOneAFraction() {
        assertEquals(5000, SplitSize.parse("5000").of(8000));
        assertFalse(SplitSize.parse("5000").isFraction());
        assertTrue(SplitSize.parse("0.1").isFraction());
        assertTrue(SplitSize.parse("1/12").isFraction());
        assertTrue(SplitSize.parse("0").isNone());
        assertTrue(SplitSize.parse("0.0").isNone());
        assertEquals(SplitSize.NONE, SplitSize.parse(" 0 "));
    }

    @Test
    void aTwelfthOfMnistIsItsFiveThousandValidationImages() {
        assertEquals(5000, SplitSize.parse("1/12").of(60_000));
        assertEquals(667, SplitSize.parse("1/12").of(8000), "8,000 / 12 = 666.67, rounded");
        assertEquals(4500, SplitSize.parse("1/12").of(54_000));
    }

    @Test
    void fractionsRoundHalfUpExactlyAsWritten() {
        assertEquals(1, SplitSize.parse("0.1").of(5), "0.5 rounds up");
        assertEquals(4, SplitSize.parse("0.7").of(5), "3.5 exactly, where 0.7 as a double gives 3.4999");
        assertEquals(1, SplitSize.parse("1/12").of(6), "0.5 exactly, where 1/12 as a double gives 0.49999");
        assertEquals(0, SplitSize.parse("1/12").of(5));
        assertEquals(1000, SplitSize.parse("0.1").of(10_000));
        assertEquals(0.1, SplitSize.parse("0.10").share());
        assertEquals("0.1", SplitSize.parse("0.10").toString());
    }

    @Test
    void writesWhatItReadsBack() {
        for (String written : List.of("0", "5000", "0.1", "0.25", "1/12", "3/7")) {
            assertEquals(written, SplitSize.parse(written).toString());
            assertEquals(SplitSize.parse(written), SplitSize.parse(SplitSize.parse(written).toString()));
        }
    }

    @Test
    void refusesWhatIsNeitherSayingWhatIsAllowed() {
        for (String bad : List.of("-1", "1.0", "1.5", "-0.1", "12/12", "13/12", "0/12", "1/0", "ten", "", ".inf",
                "1e10", "9999999999")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SplitSize.parse(bad), bad);
            assertTrue(e.getMessage().contains("must be"), e.getMessage());
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SplitSize.parse("5000.0")).getMessage()
                .contains("a count is written without a decimal point"));
    }

    @Test
    void sizesHoldOutEachShareOfAllTheExamplesAndTrainOnTheRest() {
        SplitSize tenth = SplitSize.parse("0.1");
        assertEquals(Optional.of(new SplitSizes(80, 10, 10)), SplitSizes.of(100, tenth, tenth));
        assertEquals(Optional.of(new SplitSizes(7, 2, 1)),
                SplitSizes.of(10, SplitSize.parse("0.15"), SplitSize.parse("0.14")));
        assertEquals(Optional.of(new SplitSizes(3, 0, 0)), SplitSizes.of(3, SplitSize.NONE, SplitSize.NONE));
        assertEquals(Optional.of(new SplitSizes(85, 5, 10)), SplitSizes.of(100, SplitSize.count(5), tenth));
        assertEquals(Optional.empty(), SplitSizes.of(10, SplitSize.parse("0.45"), SplitSize.parse("0.45")),
                "5 + 5 of 10 leave none");
        assertEquals(Optional.empty(), SplitSizes.of(10, SplitSize.count(6), SplitSize.count(4)));
    }

    @Test
    void twoFractionsMustLeaveAShareToTrainOn() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> SplitSizes.requireTrainingShare(SplitSize.parse("1/3"), SplitSize.parse("2/3")));
        assertEquals("test", e.key());
        assertTrue(e.getMessage().contains("validation (1/3) + test (2/3) must be below 1"), e.getMessage());
        assertDoesNotThrow(() -> SplitSizes.requireTrainingShare(SplitSize.parse("0.5"), SplitSize.parse("0.49")));
        assertDoesNotThrow(() -> SplitSizes.requireTrainingShare(SplitSize.parse("0.9"), SplitSize.count(5000)));
    }
}
