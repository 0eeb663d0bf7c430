package com.partnerb2b.webhook.delivery;

/**
 * Why a URL or its target is refused: {@link #reason()} the short message, {@link #detail()} what in the URL is
 * wrong. Both are shown to the partner (the 400 of a configuration, a delivery's logged error), so neither names an
 * address the partner did not give: where a name resolved to stays in our log.
 */
public class TargetRefused extends Exception {

    public static final String INVALID_URL = "Invalid URL";
    public static final String ADDRESS_NOT_ALLOWED = "Address not allowed";
    /** The host name did not resolve (may be transient: a failed attempt, not a broken URL). */
    public static final String CONNECTION_ERROR = "Connection Error";

    private final String reason;
    private final String detail;

    public TargetRefused(String reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
        this.detail = detail;
    }

    public String reason() {
        return reason;
    }

    public String detail() {
        return detail;
    }
}
