package com.partnerb2b.scorecard.trainer;

import com.partnerb2b.scorecard.trainer.TrainingMapping.InputSpec;
import com.partnerb2b.scorecard.trainer.TrainingMapping.ProtectedSpec;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The labelled rows, each turned into the attribute map a profile-submitted event would carry, so
 * that the trainer reads values exactly as the runtime scorecard does. Protected columns are kept
 * apart, for the fairness report only: they never enter an input map.
 */
final class Dataset {
    final List<Map<String, Object>> inputs;
    final boolean[] bad;
    /** protected column name → group of each row. */
    final Map<String, String[]> protectedGroups;
    final int badCount;

    private Dataset(List<Map<String, Object>> inputs, boolean[] bad, Map<String, String[]> protectedGroups) {
        this.inputs = inputs;
        this.bad = bad;
        this.protectedGroups = protectedGroups;
        int b = 0;
        for (boolean x : bad) {
            b += x ? 1 : 0;
        }
        this.badCount = b;
    }

    int size() {
        return bad.length;
    }

    static Dataset read(Path csv, TrainingMapping mapping) throws IOException {
        var data = mapping.data();
        String delimiter = data.delimiter() == null ? "," : data.delimiter();
        CSVFormat.Builder format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter);
        if (data.header()) {
            format.setHeader().setSkipHeaderRecord(true);
        } else {
            format.setHeader(data.columns().toArray(String[]::new));
        }
        LocalDate scoringDate = mapping.scoringDate() == null ? null : LocalDate.parse(mapping.scoringDate());
        List<Map<String, Object>> inputs = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (ProtectedSpec p : mapping.protectedColumns()) {
            groups.put(p.name(), new ArrayList<>());
        }
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, format.get())) {
            for (CSVRecord record : parser) {
                String label = record.get(mapping.label().column()).trim();
                labels.add(label.equals(mapping.label().bad()));
                Map<String, Object> row = new HashMap<>();
                for (InputSpec input : mapping.inputs()) {
                    Object value = inputValue(input, record, scoringDate);
                    if (value != null) {
                        row.put(input.attribute(), value);
                    }
                }
                inputs.add(row);
                for (ProtectedSpec p : mapping.protectedColumns()) {
                    groups.get(p.name()).add(group(p, record.get(p.column()).trim()));
                }
            }
        }
        boolean[] bad = new boolean[labels.size()];
        for (int i = 0; i < bad.length; i++) {
            bad[i] = labels.get(i);
        }
        Map<String, String[]> protectedGroups = new LinkedHashMap<>();
        groups.forEach((k, v) -> protectedGroups.put(k, v.toArray(String[]::new)));
        return new Dataset(inputs, bad, protectedGroups);
    }

    private static Object inputValue(InputSpec in, CSVRecord record, LocalDate scoringDate) {
        String raw = in.column() == null ? null : record.get(in.column()).trim();
        if (raw != null && in.missing() != null && in.missing().contains(raw)) {
            return null;
        }
        switch (in.type()) {
            case "number":
                return parseNumber(raw);
            case "code": {
                Object v = in.codes().get(raw);
                if (v == null) {
                    throw new IllegalArgumentException("input " + in.attribute() + ": code '" + raw + "' not mapped");
                }
                return v.toString();
            }
            case "codeNumber": {
                Object v = in.codes().get(raw);
                if (!(v instanceof Number n)) {
                    throw new IllegalArgumentException("input " + in.attribute() + ": code '" + raw + "' not mapped to a number");
                }
                return n;
            }
            case "birthDateFromAge": {
                int age = Integer.parseInt(raw);
                // Half a year before the birthday: the age at scoringDate is exactly the recorded one.
                return scoringDate.minusYears(age).minusDays(182);
            }
            case "incomeFromInstalmentRate": {
                Object pct = in.codes().get(raw);
                if (!(pct instanceof Number p)) {
                    throw new IllegalArgumentException("input " + in.attribute() + ": code '" + raw + "' not mapped");
                }
                double amount = Double.parseDouble(record.get(in.amountColumn()).trim());
                double months = Double.parseDouble(record.get(in.durationColumn()).trim());
                // The income that makes (amount / months) / income = pct %.
                return (amount / months) / (p.doubleValue() / 100.0);
            }
            case "max": {
                double max = Double.NEGATIVE_INFINITY;
                for (String c : in.columns()) {
                    max = Math.max(max, Double.parseDouble(record.get(c).trim()));
                }
                return max;
            }
            case "countAtLeast": {
                int count = 0;
                for (String c : in.columns()) {
                    count += Double.parseDouble(record.get(c).trim()) >= in.threshold() ? 1 : 0;
                }
                return count;
            }
            case "ratio": {
                double num = Double.parseDouble(record.get(in.numerator()).trim());
                double den = Double.parseDouble(record.get(in.denominator()).trim());
                return den > 0 ? num / den : null;
            }
            default:
                throw new IllegalArgumentException("input " + in.attribute() + ": unknown type '" + in.type() + "'");
        }
    }

    private static Number parseNumber(String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        double d = Double.parseDouble(raw);
        if (d == Math.rint(d) && Math.abs(d) < Integer.MAX_VALUE) {
            return (int) d;
        }
        return d;
    }

    private static String group(ProtectedSpec p, String raw) {
        if (p.groups() != null) {
            String g = p.groups().get(raw);
            return g == null ? "?" : g;
        }
        double x = Double.parseDouble(raw);
        List<Double> bands = p.bands();
        int i = 0;
        while (i < bands.size() && x >= bands.get(i)) {
            i++;
        }
        return bandLabel(bands, i);
    }

    /** The label of band i (0 = below the first bound). */
    static String bandLabel(List<Double> bands, int i) {
        String lo = i == 0 ? null : fmt(bands.get(i - 1));
        String hi = i == bands.size() ? null : fmt(bands.get(i));
        return lo == null ? "< " + hi : hi == null ? "≥ " + lo : lo + "–" + (int) (bands.get(i) - 1);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
