package com.partnerb2b.platform.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One INSERT, UPDATE or DELETE statement, without a RETURNING clause, and its arguments ($1, $2, …;
 * null allowed), to be composed into a larger statement: the outbox writes it with the event it causes
 * ({@code Outbox#appendOnChange}), the inbox with the record of the event it handles
 * ({@code ProcessedEvents#once}).
 */
public record RowChange(String sql, List<Object> arguments) {

    public RowChange {
        arguments = Collections.unmodifiableList(new ArrayList<>(arguments));
    }
}
