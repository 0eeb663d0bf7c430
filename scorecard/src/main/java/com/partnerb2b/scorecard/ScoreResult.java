package com.partnerb2b.scorecard;

import java.util.List;
import java.util.Map;

/**
 * The score of one customer. {@code reasons}: at most four, most points lost first.
 * {@code missingInputs}: catalogue attributes that were needed and absent (or of an unusable type), sorted.
 * {@code pointsByCharacteristic}: in the scorecard's characteristic order; the base points are not in it.
 */
public record ScoreResult(int score, double probabilityOfDefault, String grade, List<Reason> reasons,
                          List<String> missingInputs, Map<String, Integer> pointsByCharacteristic) {
}
