package com.partnerb2b.scorecard;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Immutable characteristic → points map over the scorecard's shared name array and one int[] per
 * score: cheaper per call than a HashMap, iterates in file order.
 */
final class PointsByCharacteristic extends AbstractMap<String, Integer> {
    private final String[] names;
    private final Map<String, Integer> index;
    private final int[] points;

    PointsByCharacteristic(String[] names, Map<String, Integer> index, int[] points) {
        this.names = names;
        this.index = index;
        this.points = points;
    }

    static Map<String, Integer> indexOf(String[] names) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            index.put(names[i], i);
        }
        return Map.copyOf(index);
    }

    @Override
    public Integer get(Object key) {
        Integer i = index.get(key);
        return i == null ? null : points[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return index.containsKey(key);
    }

    @Override
    public int size() {
        return names.length;
    }

    @Override
    public Set<Entry<String, Integer>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Integer>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < names.length;
                    }

                    @Override
                    public Entry<String, Integer> next() {
                        if (next >= names.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(names[i], points[i]);
                    }
                };
            }

            @Override
            public int size() {
                return names.length;
            }
        };
    }
}
