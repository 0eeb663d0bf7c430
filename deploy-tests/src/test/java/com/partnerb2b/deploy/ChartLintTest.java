package com.partnerb2b.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

import com.marcnuri.helm.LintResult;

class ChartLintTest {

    @Test
    void defaultValuesLintCleanUnderStrict() {
        LintResult lint = ChartRenderer.defaults().lintStrict();
        assertFalse(lint.isFailed(), () -> "helm lint --strict: " + lint.getMessages());
    }

    @Test
    void productionValuesLintCleanUnderStrict() {
        LintResult lint = ChartRenderer.production().lintStrict();
        assertFalse(lint.isFailed(), () -> "helm lint --strict: " + lint.getMessages());
    }
}
