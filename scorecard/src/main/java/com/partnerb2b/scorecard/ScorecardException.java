package com.partnerb2b.scorecard;

/** A scorecard file that cannot be used; the message names the file and what is wrong with it. */
public class ScorecardException extends RuntimeException {
    public ScorecardException(String message) {
        super(message);
    }

    public ScorecardException(String message, Throwable cause) {
        super(message, cause);
    }
}
