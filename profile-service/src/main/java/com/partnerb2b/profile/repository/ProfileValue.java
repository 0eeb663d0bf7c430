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

/** One value of a profile; a sensitive attribute's value exists only encrypted. */
@Entity
@Table(name = "profile_values")
public class ProfileValue {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "profile_id")
    public Profile profile;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "attribute_id")
    public Attribute attribute;

    @Column(nullable = false)
    public int position;

    @Column(name = "value_text")
    public String valueText;

    @Column(name = "value_cipher")
    public byte[] valueCipher;

    @Column(name = "key_id")
    public String keyId;
}
