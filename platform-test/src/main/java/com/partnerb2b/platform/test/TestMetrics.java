package com.partnerb2b.platform.test;

import static io.restassured.RestAssured.given;

import java.util.Arrays;

/** The service's Prometheus metrics under test, read from {@code /q/metrics}. */
public final class TestMetrics {

    private TestMetrics() {
    }

    /**
     * The sum of the samples of {@code name} (exactly that metric, not one whose name starts with it) whose
     * labels include every {@code key="value"} given; 0 when there is none.
     */
    public static double sum(String name, String... labels) {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
