package com.partnerb2b.profile.service;

import java.util.LinkedHashMap;
import java.util.List;

import com.partnerb2b.profile.repository.Attribute;
import com.partnerb2b.profile.repository.Document;
import com.partnerb2b.profile.repository.Profile;

/** A profile with its values in clear (for its owner) and its documents' metadata. */
public record ProfileSnapshot(Profile profile, LinkedHashMap<Attribute, List<String>> values, List<Document> documents) {
}
