package com.partnerb2b.webhook.delivery;

/** A webhook that must be rejected by its receiver; the message says why (never the secret or the expected value). */
public class InvalidWebhook extends Exception {

    public InvalidWebhook(String message) {
        super(message);
    }
}
