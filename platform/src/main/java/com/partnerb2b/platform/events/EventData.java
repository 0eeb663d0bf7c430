package com.partnerb2b.platform.events;

import java.util.ArrayList;
import java.util.List;

/** The {@code data} of an event: says which of its required fields are missing or invalid. */
public interface EventData {

    /** Names of the required fields that are absent or invalid; empty when the data is usable. */
    List<String> problems();

    /** The names (at even positions) whose values (the next position) are null. */
    static List<String> missing(Object... namesAndValues) {
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] == null) {
                missing.add((String) namesAndValues[i]);
            }
        }
        return missing;
    }
}
