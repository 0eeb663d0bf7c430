package com.partnerb2b.scorecard;

/**
 * A reason the score is lower than the training population's average on one characteristic
 * (Regulation B "method 2"). {@code code} is stable per characteristic across retrains.
 */
public record Reason(String code, String characteristic, String attribute, String bin, String label,
                     double pointsBelowAverage) {
}
