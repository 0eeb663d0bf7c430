package com.partnerb2b.scorecard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.DateTimeException;
import java.util.List;

/**
 * Reads the typed values of a profile-submitted event. Anything of an unexpected type reads as
 * missing (NaN or null) rather than failing: a score is always produced. Shared with the trainer so
 * that training and scoring read values the same way.
 */
public final class InputValues {
    private InputValues() {
    }

    /** A finite number, or NaN when absent, not a number, or not finite. */
    public static double number(Object value) {
        if (value instanceof Integer i) {
            return i;
        }
        if (value instanceof Long l) {
            return l;
        }
        if (value instanceof Double d) {
            return Double.isFinite(d) ? d : Double.NaN;
        }
        if (value instanceof BigDecimal b) {
            return b.doubleValue();
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? d : Double.NaN;
        }
        return Double.NaN;
    }

    /** The choice value as a string, or null. Booleans read as "true"/"false"; a one-element list as its element. */
    public static String choice(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (value instanceof List<?> list && list.size() == 1 && list.get(0) instanceof String s) {
            return s;
        }
        return null;
    }

    /** A date from a LocalDate or an ISO-8601 string (a date-time string is cut to its date), or null. */
    public static LocalDate date(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof String s) {
            return isoDate(s);
        }
        return null;
    }

    /**
     * yyyy-MM-dd, optionally followed by 'T' or ' ' and a time (ignored). Hand-parsed: this runs on
     * every score and DateTimeFormatter costs more than the whole rest of the scoring.
     */
    static LocalDate isoDate(String s) {
        int n = s.length();
        if (n < 10 || s.charAt(4) != '-' || s.charAt(7) != '-'
                || (n > 10 && s.charAt(10) != 'T' && s.charAt(10) != ' ')) {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null; // 31 April, 29 February of a common year
        }
    }

    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Whole years from birth to asOf (a birthday on asOf counts), or NaN when unknown or negative. */
    public static double ageYears(LocalDate birth, LocalDate asOf) {
        if (birth == null || asOf == null) {
            return Double.NaN;
        }
        int years = asOf.getYear() - birth.getYear();
        if (asOf.getMonthValue() < birth.getMonthValue()
                || (asOf.getMonthValue() == birth.getMonthValue() && asOf.getDayOfMonth() < birth.getDayOfMonth())) {
            years--;
        }
        return years < 0 ? Double.NaN : years;
    }
}
