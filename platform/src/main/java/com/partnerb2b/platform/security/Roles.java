package com.partnerb2b.platform.security;

/** The JWT groups every service authorises on. */
public final class Roles {

    /** An activated partner: may use every partner endpoint. */
    public static final String PARTNER = "partner";
    /** A partner that exists but is not activated yet: gets tokens, and 403 {@code Not Allowed} everywhere else. */
    public static final String PARTNER_PENDING = "partner-pending";
    /** An Alberture operator: the {@code /admin/v1} endpoints. */
    public static final String OPERATOR = "operator";

    private Roles() {
    }
}
