package com.partnerb2b.profile.repository;

import java.util.Set;

/** The value types of the catalogue. */
public final class AttributeType {

    public static final String STRING = "string";
    public static final String INTEGER = "integer";
    public static final String FLOAT = "float";
    public static final String BOOLEAN = "boolean";
    public static final String DATE = "date";
    public static final String CHOICE = "choice";
    public static final String JSON = "json";
    public static final String FILE = "file";

    public static final Set<String> ALL = Set.of(STRING, INTEGER, FLOAT, BOOLEAN, DATE, CHOICE, JSON, FILE);
    public static final Set<String> VALIDATIONS = Set.of("regex", "unique choice", "multiple choice", "min/max value",
            "min/max length", "min/max date");

    private AttributeType() {
    }
}
