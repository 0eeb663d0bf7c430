package com.partnerb2b.profile.repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/** One attribute of the catalogue: its type and the rules a value must follow. */
@Entity
@Table(name = "attributes")
public class Attribute {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String name;

    @Column(name = "displayed_name", nullable = false)
    public String displayedName;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public String category;

    @Column(nullable = false)
    public int position;

    @Column(name = "is_required", nullable = false)
    public boolean isRequired;

    public String validation;

    @Column(name = "sensitive_data", nullable = false)
    public boolean sensitiveData;

    public String regex;

    @Column(name = "max_length", nullable = false)
    public int maxLength;

    @Column(name = "min_length", nullable = false)
    public int minLength;

    @Column(name = "max_value", nullable = false)
    public double maxValue = 9.223372036854776e18;

    @Column(name = "min_value", nullable = false)
    public double minValue = -9.223372036854776e18;

    @Column(name = "is_equal_to")
    public String isEqualTo;

    @Column(name = "max_date")
    public LocalDate maxDate;

    @Column(name = "min_date")
    public LocalDate minDate;

    @Column(name = "max_size")
    public Long maxSize;

    @Column(name = "accepted_format")
    public String acceptedFormat;

    @OneToMany(mappedBy = "attribute", fetch = FetchType.LAZY)
    @OrderBy("position")
    public List<AttributeChoice> choices = new ArrayList<>();

    /** Same attribute whichever session loaded it (the catalogue is cached across sessions). */
    @Override
    public boolean equals(Object other) {
        return other instanceof Attribute a && id != null && id.equals(a.id);
    }

    @Override
    public int hashCode() {
        return id == null ? 0 : id.hashCode();
    }

    public boolean isFile() {
        return AttributeType.FILE.equals(type);
    }

    public boolean allowsSeveralValues() {
        return AttributeType.CHOICE.equals(type) && "multiple choice".equals(validation);
    }
}
