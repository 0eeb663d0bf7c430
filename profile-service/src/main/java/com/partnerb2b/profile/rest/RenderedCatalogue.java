package com.partnerb2b.profile.rest;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerb2b.platform.crypto.Digests;
import com.partnerb2b.profile.repository.Attribute;
import com.partnerb2b.profile.service.Catalogue;

/**
 * The {@code data} of {@code GET /metadata/}, serialised once per loaded catalogue (56 kB that every
 * partner reads and that changes only when an operator changes the catalogue), with its entity tag:
 * a digest of the bytes, so every replica holding the same catalogue gives the same tag.
 */
record RenderedCatalogue(Catalogue source, String dataJson, String etag) { // etag: the value, unquoted

    static RenderedCatalogue of(Catalogue catalogue, ObjectMapper mapper) {
        Map<String, List<AttributeView>> byCategory = new LinkedHashMap<>();
        for (Attribute attribute : catalogue.attributes()) {
            byCategory.computeIfAbsent(attribute.category, c -> new ArrayList<>()).add(AttributeView.of(attribute, catalogue));
        }
        try {
            String json = mapper.writeValueAsString(byCategory);
            byte[] digest = Digests.sha256(json);
            return new RenderedCatalogue(catalogue, json, HexFormat.of().formatHex(digest, 0, 16));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The catalogue cannot be serialised", e);
        }
    }

    /** True when an {@code If-None-Match} header names this version. */
    boolean matches(String ifNoneMatch) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String candidate = tag.strip();
            if (candidate.startsWith("W/")) {
                candidate = candidate.substring(2);
            }
            if (candidate.equals("\"" + etag + "\"") || candidate.equals("*")) {
                return true;
            }
        }
        return false;
    }
}
