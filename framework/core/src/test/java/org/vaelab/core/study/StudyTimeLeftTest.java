package org.vaelab.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A study's time left, by hand: the trials left, in waves of {@code parallel}, at the mean time of those ended. */
class StudyTimeLeftTest {

    @Test
    void trialsLeftInWavesAtTheMeanTime() {
        StudyTimeLeft left = new StudyTimeLeft(5, 2);
        assertEquals(2 * 10.0, left.ended(10), 1e-9, "4 left, 2 at a time: 2 waves of 10 s");
        assertEquals(2 * 15.0, left.ended(20), 1e-9, "3 left: 2 waves at the mean, 15 s");
        assertEquals(1 * 20.0, left.ended(30), 1e-9, "2 left: one wave at 20 s");
        left.ended(20);
        assertEquals(0, left.ended(20), 1e-9);
    }
}
