package com.partnerb2b.profile.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "document_contents")
public class DocumentContent {

    @Id
    @Column(name = "document_id")
    public Long documentId;

    @Column(name = "content_cipher", nullable = false)
    public byte[] contentCipher;

    @Column(name = "key_id", nullable = false)
    public String keyId;
}
