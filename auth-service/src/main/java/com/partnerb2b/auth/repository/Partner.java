package com.partnerb2b.auth.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A partner business: the owner of API keys and, in the other services, of every resource. */
@Entity
@Table(name = "partners")
public class Partner {

    @Id
    public UUID id;

    @Column(nullable = false, length = 200)
    public String name;

    @Convert(converter = PartnerStatus.Converter.class)
    @Column(nullable = false, length = 16)
    public PartnerStatus status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
