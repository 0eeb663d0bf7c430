package com.partnerb2b.profile.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class AttributeChoiceRepository implements PanacheRepositoryBase<AttributeChoice, Long> {
}
