package com.partnerb2b.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A values file written for one test. */
final class TestValues {

    private TestValues() {
    }

    static Path write(String yaml) {
        try {
            Path file = Files.createTempFile("partnerb2b-values", ".yaml");
            file.toFile().deleteOnExit();
            return Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
