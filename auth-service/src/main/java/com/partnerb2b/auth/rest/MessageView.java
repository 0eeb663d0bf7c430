package com.partnerb2b.auth.rest;

public record MessageView(String message) {
}
