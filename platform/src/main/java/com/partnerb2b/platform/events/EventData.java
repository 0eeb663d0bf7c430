package com.partnerb2b.platform.events;

import java.util.List;

/** The {@code data} of an event: says which of its required fields are missing or invalid. */
public interface EventData {

    /** Names of the required fields that are absent or invalid; empty when the data is usable. */
    List<String> problems();
}
