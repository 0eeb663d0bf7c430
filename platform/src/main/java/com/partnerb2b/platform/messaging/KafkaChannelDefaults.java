package com.partnerb2b.platform.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * The Kafka settings all services' channels share ({@code META-INF/partnerb2b-kafka-channels.properties}),
 * stated once here rather than in each service: the {@code incoming.*} ones for every incoming channel a
 * service gives the {@code smallrye-kafka} connector, the {@code outbox.*} ones for the outbox relay's
 * channel when {@code partnerb2b.outbox.enabled=true} (a service without an outbox gets no such channel).
 * Beneath application.properties, environment and system properties, which may override any of them.
 */
public class KafkaChannelDefaults implements ConfigSourceFactory {

    static final String RESOURCE = "META-INF/partnerb2b-kafka-channels.properties";
    static final int ORDINAL = 200;
    private static final Pattern INCOMING_KAFKA_CHANNEL = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.connector");

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        Map<String, String> shared = load();
        Map<String, String> channels = new HashMap<>();
        for (Iterator<String> names = context.iterateNames(); names.hasNext();) {
            Matcher incoming = INCOMING_KAFKA_CHANNEL.matcher(names.next());
            if (incoming.matches() && "smallrye-kafka".equals(valueOf(context, incoming.group(0)))) {
                put(channels, shared, "incoming.", "mp.messaging.incoming." + incoming.group(1) + ".");
            }
        }
        if ("true".equals(valueOf(context, "partnerb2b.outbox.enabled"))) {
            put(channels, shared, "outbox.", "mp.messaging.outgoing.outbox-events.");
        }
        return List.of(new PropertiesConfigSource(channels, "PartnerB2B Kafka channel defaults", ORDINAL));
    }

    private static void put(Map<String, String> channels, Map<String, String> shared, String group, String prefix) {
        shared.forEach((key, value) -> {
            if (key.startsWith(group)) {
                channels.put(prefix + key.substring(group.length()), value);
            }
        });
    }

    private static String valueOf(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null ? null : value.getValue();
    }

    private static Map<String, String> load() {
        Properties properties = new Properties();
        try (InputStream in = KafkaChannelDefaults.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the platform module");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> shared = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> shared.put(name, properties.getProperty(name)));
        return shared;
    }
}
