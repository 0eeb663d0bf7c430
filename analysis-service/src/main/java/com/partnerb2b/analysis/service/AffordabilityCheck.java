package com.partnerb2b.analysis.service;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.partnerb2b.platform.events.AnalysisCompleted.Affordability;

/**
 * Can the customer carry the credit asked for? The monthly instalment of the requested amount over
 * the requested duration at the configured annual rate (an amortising loan), and the debt-to-income
 * ratio it makes with the existing monthly charges, against the limit (35 % by default, the HCSF
 * rule French lenders apply).
 */
public final class AffordabilityCheck {

    static final String AMOUNT = "requested_amount";
    static final String DURATION = "credit_duration_months";
    static final String INCOME = "monthly_income";
    static final String CHARGES = "monthly_charges";

    private static final MathContext PRECISION = MathContext.DECIMAL64;

    private final BigDecimal annualRate;
    private final BigDecimal limit;

    public AffordabilityCheck(BigDecimal annualRate, BigDecimal limit) {
        this.annualRate = annualRate;
        this.limit = limit;
    }

    public Affordability assess(Map<String, ?> values) {
        BigDecimal amount = positive(values.get(AMOUNT));
        BigDecimal months = positive(values.get(DURATION));
        BigDecimal income = positive(values.get(INCOME));
        BigDecimal charges = nonNegative(values.get(CHARGES));
        List<String> missing = new ArrayList<>();
        if (amount == null) {
            missing.add(AMOUNT);
        }
        if (months == null) {
            missing.add(DURATION);
        }
        BigDecimal instalment = amount == null || months == null ? null : instalment(amount, months.intValue());
        if (income == null) {
            missing.add(INCOME);
        }
        if (charges == null) {
            missing.add(CHARGES);
        }
        BigDecimal ratio = null;
        Boolean exceeds = null;
        if (instalment != null && income != null && charges != null) {
            ratio = charges.add(instalment).divide(income, PRECISION).setScale(4, RoundingMode.HALF_UP);
            exceeds = ratio.compareTo(limit) > 0;
        }
        return new Affordability(instalment == null ? null : instalment.setScale(2, RoundingMode.HALF_UP), annualRate,
                ratio, limit, exceeds, List.copyOf(missing));
    }

    /** The constant monthly payment that repays {@code amount} in {@code months} at the annual rate. */
    BigDecimal instalment(BigDecimal amount, int months) {
        if (annualRate.signum() == 0) {
            return amount.divide(BigDecimal.valueOf(months), PRECISION);
        }
        double monthlyRate = annualRate.doubleValue() / 12;
        double factor = monthlyRate / (1 - Math.pow(1 + monthlyRate, -months));
        return amount.multiply(BigDecimal.valueOf(factor), PRECISION);
    }

    private static BigDecimal positive(Object value) {
        BigDecimal number = number(value);
        return number == null || number.signum() <= 0 ? null : number;
    }

    private static BigDecimal nonNegative(Object value) {
        BigDecimal number = number(value);
        return number == null || number.signum() < 0 ? null : number;
    }

    private static BigDecimal number(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Integer || value instanceof Long) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
            return BigDecimal.valueOf(number.doubleValue());
        }
        return null;
    }
}
