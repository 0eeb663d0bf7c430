package com.partnerb2b.webhook.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    @Test
    void theDefaultScheduleHasEightAttemptsTheFirstImmediate() {
        RetrySchedule s = RetrySchedule.parse(RetrySchedule.DEFAULT, 0);
        assertEquals(8, s.maxAttempts());
        assertEquals(Duration.ZERO, s.firstDelay());
        assertEquals(Optional.of(Duration.ofSeconds(5)), s.delayAfter(1, null));
        assertEquals(Optional.of(Duration.ofMinutes(5)), s.delayAfter(2, null));
        assertEquals(Optional.of(Duration.ofMinutes(30)), s.delayAfter(3, null));
        assertEquals(Optional.of(Duration.ofHours(2)), s.delayAfter(4, null));
        assertEquals(Optional.of(Duration.ofHours(5)), s.delayAfter(5, null));
        assertEquals(Optional.of(Duration.ofHours(10)), s.delayAfter(6, null));
        assertEquals(Optional.of(Duration.ofHours(10)), s.delayAfter(7, null));
        assertEquals(Optional.empty(), s.delayAfter(8, null), "nothing after the last attempt");
        assertEquals(Optional.empty(), s.delayAfter(9, Duration.ofSeconds(1)));
    }

    @Test
    void jitterStaysWithinItsBoundsWithASeededRandom() {
        RetrySchedule s = new RetrySchedule(List.of(Duration.ZERO, Duration.ofSeconds(10), Duration.ofMinutes(5)), 0.2,
            new SplittableRandom(42));
        assertEquals(Duration.ZERO, s.firstDelay(), "an immediate attempt stays immediate");
        Set<Duration> seen = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            Duration d = s.delayAfter(1, null).orElseThrow();
            assertTrue(d.compareTo(Duration.ofMillis(8_000)) >= 0 && d.compareTo(Duration.ofMillis(12_000)) <= 0, d.toString());
            seen.add(d);
            Duration e = s.delayAfter(2, null).orElseThrow();
            assertTrue(e.compareTo(Duration.ofSeconds(240)) >= 0 && e.compareTo(Duration.ofSeconds(360)) <= 0, e.toString());
        }
        assertTrue(seen.size() > 100, "jitter actually varies: " + seen.size());
        // the same seed gives the same schedule
        RetrySchedule a = new RetrySchedule(List.of(Duration.ZERO, Duration.ofSeconds(10)), 0.2, new SplittableRandom(7));
        RetrySchedule b = new RetrySchedule(List.of(Duration.ZERO, Duration.ofSeconds(10)), 0.2, new SplittableRandom(7));
        assertEquals(a.delayAfter(1, null), b.delayAfter(1, null));
    }

    @Test
    void retryAfterPostponesButIsCapped() {
        RetrySchedule s = RetrySchedule.parse(RetrySchedule.DEFAULT, 0);
        assertEquals(Optional.of(Duration.ofSeconds(7)), s.delayAfter(1, Duration.ofSeconds(7)), "honoured");
        assertEquals(Optional.of(Duration.ofSeconds(5)), s.delayAfter(1, Duration.ofSeconds(1)), "never brings an attempt forward");
        assertEquals(Optional.of(Duration.ofSeconds(5)), s.delayAfter(1, Duration.ZERO));
        assertEquals(Optional.of(Duration.ofMinutes(1)), s.delayAfter(1, Duration.ofHours(3)), "capped at 1 minute when 2 × 5 s is less");
        assertEquals(Optional.of(Duration.ofMinutes(10)), s.delayAfter(2, Duration.ofDays(10)), "capped at 2 × the scheduled 5 min");
        assertEquals(Optional.of(Duration.ofMinutes(8)), s.delayAfter(2, Duration.ofMinutes(8)));
        RetrySchedule longOne = new RetrySchedule(List.of(Duration.ZERO, Duration.ofHours(20)), 0, null);
        assertEquals(Optional.of(Duration.ofDays(1)), longOne.delayAfter(1, Duration.ofDays(30)), "never beyond a day");
        // with jitter the Retry-After still wins when longer
        RetrySchedule jittered = new RetrySchedule(List.of(Duration.ZERO, Duration.ofSeconds(5)), 0.5, new SplittableRandom(1));
        assertEquals(Optional.of(Duration.ofSeconds(30)), jittered.delayAfter(1, Duration.ofSeconds(30)));
    }

    @Test
    void aShortTestScheduleParses() {
        RetrySchedule s = RetrySchedule.parse(" PT0S, PT0.1S ,PT0.2S ", 0.1);
        assertEquals(3, s.maxAttempts());
        assertEquals(List.of(Duration.ZERO, Duration.ofMillis(100), Duration.ofMillis(200)), s.delays());
        Duration d = s.delayAfter(2, null).orElseThrow();
        assertTrue(d.toMillis() >= 180 && d.toMillis() <= 220, d.toString());
        assertEquals(Optional.empty(), s.delayAfter(3, null));
    }

    @Test
    void refusesBadConfiguration() {
        assertThrows(IllegalArgumentException.class, () -> RetrySchedule.parse("", 0));
        assertThrows(IllegalArgumentException.class, () -> RetrySchedule.parse("PT5S,soon", 0));
        assertThrows(IllegalArgumentException.class, () -> RetrySchedule.parse("PT0S,-PT5S", 0));
        assertThrows(IllegalArgumentException.class, () -> RetrySchedule.parse("PT0S", 1.0));
        assertThrows(IllegalArgumentException.class, () -> RetrySchedule.parse("PT0S", -0.1));
        assertThrows(IllegalArgumentException.class, () -> RetrySchedule.parse("PT0S", Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(List.of(), 0, null));
        assertThrows(IllegalArgumentException.class, () -> RetrySchedule.parse("PT0S", 0).delayAfter(0, null));
    }
}
