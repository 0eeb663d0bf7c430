package com.partnerb2b.profile.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerb2b.platform.error.ApiException;
import com.partnerb2b.platform.error.FieldError;
import com.partnerb2b.profile.repository.Attribute;
import com.partnerb2b.profile.repository.AttributeChoice;
import com.partnerb2b.profile.repository.AttributeType;

/**
 * The catalogue's rules applied to submitted values, with the messages partners of the existing
 * API already handle. Every error of a request is reported ({@code details}); the status is 404
 * when an attribute name is unknown, 400 otherwise, and the message is that of the first error.
 */
@ApplicationScoped
public class ProfileValidator {

    public static final String ATTRIBUTE_NOT_FOUND = "Attribute Not Found";
    public static final String CHOICE_DOES_NOT_EXIST = "Choice does not exist.";
    public static final String CHOICE_MUST_BE_UNIQUE = "Choice must be unique";
    public static final String REGEX_MATCH_INVALID = "Regex match invalid";
    public static final String TYPE_ERROR = "Type Error";
    public static final String INVALID_VALUE = "Invalid value";
    public static final String INVALID_LENGTH = "Invalid length";
    public static final String INVALID_DATE = "Invalid date";
    public static final String MISSING_REQUIRED = "Missing required attributes.";

    /** Longest text accepted for an attribute without its own maxLength (the column is text, the API is not a file store). */
    static final int DEFAULT_MAX_LENGTH = 2000;
    /** Regexes run on at most this many characters (an e-mail address is at most 254): bounded matching time. */
    static final int MAX_REGEX_INPUT = 320;
    /** Decimal values beyond this precision or scale are not credit data, and would be costly to handle. */
    private static final int MAX_DIGITS = 38;

    /** Canonical text values per attribute, in request order; an empty list clears the attribute. */
    public record Values(LinkedHashMap<Attribute, List<String>> byAttribute) {
    }

    /** Checks each given value; {@code null} (a JSON null) means "remove this attribute". */
    public Values check(JsonNode attributes, Catalogue catalogue, List<FieldError> errors) {
        LinkedHashMap<Attribute, List<String>> result = new LinkedHashMap<>();
        if (attributes == null || attributes.isNull()) {
            return new Values(result);
        }
        if (!attributes.isObject()) {
            errors.add(new FieldError("attributes", TYPE_ERROR));
            return new Values(result);
        }
        Iterator<Map.Entry<String, JsonNode>> fields = attributes.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            Optional<Attribute> attribute = catalogue.named(field.getKey());
            if (attribute.isEmpty()) {
                errors.add(new FieldError(field.getKey(), ATTRIBUTE_NOT_FOUND));
                continue;
            }
            checkOne(attribute.get(), field.getValue(), errors).ifPresent(values -> result.put(attribute.get(), values));
        }
        return new Values(result);
    }

    /** Required attributes (and those a chosen value requires) that have no value. */
    public Completeness completeness(Map<Attribute, List<String>> values, Set<Long> documentAttributeIds,
            Catalogue catalogue, boolean includeDocuments) {
        Set<Attribute> required = new LinkedHashSet<>();
        for (Attribute attribute : catalogue.attributes()) {
            if (attribute.isRequired) {
                required.add(attribute);
            }
        }
        values.forEach((attribute, chosen) -> {
            Attribute known = catalogue.byId(attribute.id);
            if (known == null) {
                return; // removed from the catalogue since the value was stored: it requires nothing
            }
            for (AttributeChoice choice : known.choices) {
                if (choice.requiresAttributeId != null && chosen.contains(choice.displayedName)) {
                    Attribute needed = catalogue.byId(choice.requiresAttributeId);
                    if (needed != null) {
                        required.add(needed);
                    }
                }
            }
        });
        if (!includeDocuments) {
            required.removeIf(Attribute::isFile);
        }
        List<String> missing = new ArrayList<>();
        for (Attribute attribute : required) {
            boolean present = attribute.isFile()
                    ? documentAttributeIds.contains(attribute.id)
                    : values.containsKey(attribute) && !values.get(attribute).isEmpty();
            if (!present) {
                missing.add(attribute.name);
            }
        }
        return new Completeness(missing, required.size());
    }

    /** The failure for collected errors: 404 if any attribute is unknown, else 400. */
    public static ApiException failure(List<FieldError> errors) {
        boolean unknown = errors.stream().anyMatch(e -> ATTRIBUTE_NOT_FOUND.equals(e.message()));
        if (unknown) {
            List<FieldError> ordered = new ArrayList<>(errors.stream().filter(e -> ATTRIBUTE_NOT_FOUND.equals(e.message())).toList());
            ordered.addAll(errors.stream().filter(e -> !ATTRIBUTE_NOT_FOUND.equals(e.message())).toList());
            return new ApiException(404, "attribute_not_found", ATTRIBUTE_NOT_FOUND, ordered);
        }
        String message = errors.get(0).message();
        return new ApiException(400, code(message), message, errors);
    }

    private static String code(String message) {
        return switch (message) {
            case CHOICE_DOES_NOT_EXIST -> "choice_does_not_exist";
            case CHOICE_MUST_BE_UNIQUE -> "choice_must_be_unique";
            case REGEX_MATCH_INVALID -> "regex_match_invalid";
            case TYPE_ERROR -> "type_error";
            case INVALID_LENGTH -> "invalid_length";
            case INVALID_DATE -> "invalid_date";
            case MISSING_REQUIRED -> "missing_required_attributes";
            default -> "invalid_value";
        };
    }

    private Optional<List<String>> checkOne(Attribute attribute, JsonNode value, List<FieldError> errors) {
        if (value == null || value.isNull()) {
            return Optional.of(List.of());
        }
        if (attribute.isFile()) {
            errors.add(new FieldError(attribute.name, TYPE_ERROR));
            return Optional.empty();
        }
        if (AttributeType.JSON.equals(attribute.type)) {
            String json = value.toString();
            if (json.length() > DEFAULT_MAX_LENGTH * 10 || json.contains("\\u0000")) {
                errors.add(new FieldError(attribute.name, INVALID_LENGTH));
                return Optional.empty();
            }
            return Optional.of(List.of(json));
        }
        List<JsonNode> items = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(items::add);
            if (!AttributeType.CHOICE.equals(attribute.type)) {
                errors.add(new FieldError(attribute.name, TYPE_ERROR));
                return Optional.empty();
            }
            if (items.size() > 1 && !attribute.allowsSeveralValues()) {
                errors.add(new FieldError(attribute.name, CHOICE_MUST_BE_UNIQUE));
                return Optional.empty();
            }
        } else {
            items.add(value);
        }
        List<String> canonical = new ArrayList<>();
        for (JsonNode item : items) {
            String error = null;
            String text = null;
            if (!item.isValueNode()) {
                error = TYPE_ERROR;
            } else {
                try {
                    text = canonical(attribute, item);
                    error = ruleViolation(attribute, text);
                } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
                    error = TYPE_ERROR;
                }
            }
            if (error != null) {
                errors.add(new FieldError(attribute.name, error));
                return Optional.empty();
            }
            canonical.add(text);
        }
        if (canonical.size() != new LinkedHashSet<>(canonical).size()) {
            errors.add(new FieldError(attribute.name, CHOICE_MUST_BE_UNIQUE));
            return Optional.empty();
        }
        return Optional.of(canonical);
    }

    /** The value in its stored form, or IllegalArgumentException when it is not of the attribute's type. */
    private static String canonical(Attribute attribute, JsonNode item) {
        String text = item.asText();
        return switch (attribute.type) {
            case AttributeType.INTEGER -> {
                if (item.isIntegralNumber()) {
                    yield item.bigIntegerValue().toString();
                }
                if (item.isTextual() && text.strip().matches("[+-]?\\d{1,18}")) {
                    yield Long.toString(Long.parseLong(text.strip()));
                }
                throw new IllegalArgumentException();
            }
            case AttributeType.FLOAT -> {
                if (item.isNumber() || (item.isTextual() && text.strip().matches("[+-]?(\\d{1,38}\\.?\\d{0,38}|\\.\\d{1,38})([eE][+-]?\\d{1,2})?"))) {
                    BigDecimal number = item.isNumber() ? item.decimalValue() : new BigDecimal(text.strip());
                    if (number.precision() > MAX_DIGITS || Math.abs(number.scale()) > MAX_DIGITS) {
                        throw new IllegalArgumentException();
                    }
                    yield number.stripTrailingZeros().toPlainString();
                }
                throw new IllegalArgumentException();
            }
            case AttributeType.BOOLEAN -> {
                if (item.isBoolean()) {
                    yield item.booleanValue() ? "True" : "False";
                }
                if ("True".equals(text) || "true".equals(text)) {
                    yield "True";
                }
                if ("False".equals(text) || "false".equals(text)) {
                    yield "False";
                }
                throw new IllegalArgumentException();
            }
            case AttributeType.DATE -> {
                if (!item.isTextual() || !text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                    throw new IllegalArgumentException();
                }
                yield LocalDate.parse(text).toString();
            }
            case AttributeType.CHOICE, AttributeType.STRING -> {
                if ((item.isTextual() || item.isNumber()) && !hasControlCharacters(text)) {
                    yield text;
                }
                throw new IllegalArgumentException();
            }
            default -> throw new IllegalArgumentException();
        };
    }

    /** The message of the first rule the value breaks, or null. */
    private static String ruleViolation(Attribute attribute, String text) {
        switch (attribute.type) {
            case AttributeType.CHOICE -> {
                boolean known = attribute.choices.stream().anyMatch(c -> c.displayedName.equals(text));
                return known ? null : CHOICE_DOES_NOT_EXIST;
            }
            case AttributeType.INTEGER, AttributeType.FLOAT -> {
                BigDecimal number = new BigDecimal(text);
                if (number.compareTo(BigDecimal.valueOf(attribute.minValue)) < 0
                        || number.compareTo(BigDecimal.valueOf(attribute.maxValue)) > 0) {
                    return INVALID_VALUE;
                }
            }
            case AttributeType.DATE -> {
                LocalDate date = LocalDate.parse(text);
                if ((attribute.minDate != null && date.isBefore(attribute.minDate))
                        || (attribute.maxDate != null && date.isAfter(attribute.maxDate))) {
                    return INVALID_DATE;
                }
            }
            case AttributeType.STRING -> {
                int length = text.codePointCount(0, text.length());
                int maxLength = attribute.maxLength > 0 ? attribute.maxLength : DEFAULT_MAX_LENGTH;
                if (length > maxLength || length < attribute.minLength) {
                    return INVALID_LENGTH;
                }
                if (attribute.regex != null && !attribute.regex.isBlank()) {
                    if (length > MAX_REGEX_INPUT) {
                        return INVALID_LENGTH;
                    }
                    if (!matches(attribute.regex, text)) {
                        return REGEX_MATCH_INVALID;
                    }
                }
            }
            default -> {
            }
        }
        if (attribute.isEqualTo != null && !attribute.isEqualTo.equals(text)) {
            return INVALID_VALUE;
        }
        return null;
    }

    /** Control characters (NUL among them) have no place in a customer's data and PostgreSQL refuses NUL. */
    public static boolean hasControlCharacters(String text) {
        return text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f);
    }

    private static boolean matches(String regex, String text) {
        try {
            return Pattern.compile(regex).matcher(text).find();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }
}
