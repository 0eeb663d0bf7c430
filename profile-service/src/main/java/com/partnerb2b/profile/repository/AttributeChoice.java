package com.partnerb2b.profile.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A value a choice attribute accepts; choosing it may make another attribute required. */
@Entity
@Table(name = "attribute_choices")
public class AttributeChoice {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "attribute_id")
    public Attribute attribute;

    @Column(name = "displayed_name", nullable = false)
    public String displayedName;

    @Column(nullable = false)
    public int position;

    @Column(name = "requires_attribute_id")
    public Long requiresAttributeId;
}
