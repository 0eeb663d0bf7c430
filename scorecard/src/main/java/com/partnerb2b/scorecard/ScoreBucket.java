package com.partnerb2b.scorecard;

/** Share of the training population scoring in [fromInclusive, toExclusive); ends use Integer.MIN/MAX_VALUE. */
public record ScoreBucket(int fromInclusive, int toExclusive, double share) {
}
