package com.partnerb2b.analysis.service;

import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.partnerb2b.scorecard.Scorecard;

import io.quarkus.runtime.Startup;

/**
 * The scorecard this instance scores with: the file an operator names in
 * {@code partnerb2b.scorecard.file}, else the shipped reference. Read at start-up: a malformed or
 * inconsistent file stops the start with the loader's message naming what is wrong.
 */
@Startup
@ApplicationScoped
public class ActiveScorecard {

    private static final Logger LOG = Logger.getLogger(ActiveScorecard.class);

    private final Scorecard scorecard;

    public ActiveScorecard(@ConfigProperty(name = "partnerb2b.scorecard.file") Optional<String> file) {
        Optional<String> named = file.filter(name -> !name.isBlank());
        this.scorecard = named.map(name -> Scorecard.load(Path.of(name))).orElseGet(Scorecard::reference);
        LOG.infof("Scoring with scorecard %s (%s)", scorecard.id(), named.orElse("shipped reference"));
    }

    public Scorecard get() {
        return scorecard;
    }
}
