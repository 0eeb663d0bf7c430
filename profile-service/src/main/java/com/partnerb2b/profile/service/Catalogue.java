package com.partnerb2b.profile.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.partnerb2b.profile.repository.Attribute;

/** The attribute catalogue as loaded for one request, looked up by name and id, at the version it was read. */
public final class Catalogue {

    private final long version;
    private final List<Attribute> attributes;
    private final Map<String, Attribute> byName;
    private final Map<Long, Attribute> byId;

    public Catalogue(List<Attribute> attributes, long version) {
        this.version = version;
        this.attributes = List.copyOf(attributes);
        this.byName = attributes.stream().collect(Collectors.toMap(a -> a.name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        this.byId = attributes.stream().collect(Collectors.toMap(a -> a.id, Function.identity()));
    }

    /** The database's catalogue version these attributes were read at (profile-submitted's catalogueVersion). */
    public long version() {
        return version;
    }

    public List<Attribute> attributes() {
        return attributes;
    }

    public Optional<Attribute> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** True if every name and id is an attribute of this catalogue. */
    public boolean knowsAll(Iterable<String> names, Iterable<Long> ids) {
        for (String name : names) {
            if (!byName.containsKey(name)) {
                return false;
            }
        }
        for (Long id : ids) {
            if (!byId.containsKey(id)) {
                return false;
            }
        }
        return true;
    }

    public Attribute byId(Long id) {
        return byId.get(id);
    }
}
