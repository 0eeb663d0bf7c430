package com.partnerb2b.platform.reactive;

/**
 * The datasource whose pool the background workers' recurring statements use: the queues' claims and
 * the outbox relay. Its own few connections, so a backlog never holds the connections requests need,
 * and its sessions always run a prepared statement's cached generic plan
 * ({@code plan_cache_mode=force_generic_plan}). Left to PostgreSQL's choice, these statements (a
 * {@code LIMIT} or an array of ids as a parameter) were planned again on every execution, about 2 ms of
 * PostgreSQL's CPU per profile on the pipeline (bench/RESULTS.md, session 17). Not for request paths:
 * some of their statements (the profile list) need a plan made for their parameters.
 */
public final class WorkerDataSource {

    /** For {@code @ReactiveDataSource(WorkerDataSource.NAME) Pool}. */
    public static final String NAME = "workers";

    private WorkerDataSource() {
    }
}
