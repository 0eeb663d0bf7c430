package com.partnerb2b.profile.repository;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** The one row the database bumps on every change to the catalogue (V4 migration); never written here. */
@Entity
@Table(name = "catalogue_version")
@Immutable
public class CatalogueVersion {

    @Id
    public Short id;

    public long version;
}
