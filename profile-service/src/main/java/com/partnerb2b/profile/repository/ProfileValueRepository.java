package com.partnerb2b.profile.repository;

import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ProfileValueRepository implements PanacheRepositoryBase<ProfileValue, Long> {

    /** The profile's values become exactly these: old rows deleted in bulk, the new ones inserted. */
    public Uni<Void> replace(Profile profile, List<ProfileValue> values) {
        return delete("profile.id = ?1", profile.id).chain(() -> insert(profile, values));
    }

    /**
     * Inserts a profile's values, in the caller's transaction: one statement for the values in clear and
     * one for the encrypted ones (persisting each entity cost a round trip per value: identity keys
     * cannot be batched).
     */
    public Uni<Void> insert(Profile profile, List<ProfileValue> values) {
        List<ProfileValue> clear = values.stream().filter(value -> value.valueCipher == null).toList();
        List<ProfileValue> sealed = values.stream().filter(value -> value.valueCipher != null).toList();
        return insert(profile, "value_text", clear, value -> value.valueText)
                .chain(() -> insert(profile, "value_cipher, key_id", sealed, value -> value.valueCipher, value -> value.keyId));
    }

    @SafeVarargs
    private static Uni<Void> insert(Profile profile, String valueColumns, List<ProfileValue> rows,
            Function<ProfileValue, Object>... valueParts) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int perRow = 3 + valueParts.length;
        StringBuilder sql = new StringBuilder("INSERT INTO profile_values (profile_id, attribute_id, position, ")
                .append(valueColumns).append(") VALUES ");
        for (int row = 0; row < rows.size(); row++) {
            sql.append(row == 0 ? "(" : ", (");
            for (int column = 1; column <= perRow; column++) {
                sql.append(column == 1 ? "?" : ", ?").append(row * perRow + column);
            }
            sql.append(')');
        }
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql.toString());
            int position = 1;
            for (ProfileValue value : rows) {
                query.setParameter(position++, profile.id);
                query.setParameter(position++, value.attribute.id);
                query.setParameter(position++, value.position);
                for (Function<ProfileValue, Object> part : valueParts) {
                    query.setParameter(position++, part.apply(value));
                }
            }
            return query.executeUpdate();
        }).replaceWithVoid();
    }
}
