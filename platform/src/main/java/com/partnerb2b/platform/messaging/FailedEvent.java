package com.partnerb2b.platform.messaging;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A consumed message that could not be handled (unreadable, unexpected type, invalid data, or
 * handling that kept failing): kept whole, with why, for an operator to inspect, while the consumer
 * moves on. One whose handling kept failing is handled again at {@code replayAt} ({@link FailedEventReplay}).
 */
@Entity
@Table(name = "failed_events")
public class FailedEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id")
    public String eventId;

    @Column(nullable = false)
    public String topic;

    public String type;

    @Column(nullable = false)
    public String reason;

    @Column(nullable = false)
    public String payload;

    @Column(name = "failed_at", nullable = false)
    public Instant failedAt;

    /** When it is next handled again; null when it never will be (unusable, or no replay left). */
    @Column(name = "replay_at")
    public Instant replayAt;

    @Column(nullable = false)
    public int replays;
}
