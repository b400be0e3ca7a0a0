package com.iusign.platform.app.ui.live;

import com.iusign.platform.inventory.ManifestChanged;
import com.iusign.platform.lifecycle.TenantEvent;
import com.iusign.platform.telemetry.TenantUsageChanged;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.shared.Registration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Pushes what changed to the open console views, on this instance and — through one Redis channel
 * — on every other: a tenant's record (lifecycle events), its manifest row (after the read model
 * was written) and its usage. Signals are collected once their transaction commits and sent in
 * batches every {@value #BATCH_MILLIS} ms, so a fleet suspension of a thousand tenants or a burst of
 * envelope events costs a few messages, not one per change, and each view re-reads its data once
 * per batch. A signal says only which tenant changed: the view reads the truth from its module, so
 * a lost or late message leaves a view stale (as before push), never wrong. Redis being down stops
 * only the other instances' updates; this instance's views keep theirs.
 */
@Component
public class ConsoleUpdates implements SmartLifecycle {

    static final String CHANNEL = "iusign:console-updates";
    static final long BATCH_MILLIS = 250;
    private static final Logger log = LoggerFactory.getLogger(ConsoleUpdates.class);

    /** What changed about which tenant. */
    public record Signal(Kind kind, UUID tenantId) {

        public enum Kind { TENANT, MANIFEST, USAGE }

        String encode() {
            return kind.name() + ":" + tenantId;
        }

        static Signal decode(String line) {
            int colon = line.indexOf(':');
            return new Signal(Kind.valueOf(line.substring(0, colon)), UUID.fromString(line.substring(colon + 1)));
        }
    }

    private record Subscriber(UI ui, Consumer<List<Signal>> listener) {
    }

    private final String instance = UUID.randomUUID().toString();
    private final Set<Signal> pending = ConcurrentHashMap.newKeySet();
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final List<Consumer<List<Signal>>> listeners = new CopyOnWriteArrayList<>();
    private final StringRedisTemplate redis;
    private final RedisMessageListenerContainer container;
    private volatile ScheduledExecutorService sender;

    ConsoleUpdates(StringRedisTemplate redis, RedisConnectionFactory connections) {
        this.redis = redis;
        this.container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        container.addMessageListener((message, pattern) -> received(new String(message.getBody(), java.nio.charset.StandardCharsets.UTF_8)),
                new ChannelTopic(CHANNEL));
    }

    /** Calls {@code listener} in the UI's session lock with each batch of signals, until the returned registration is removed. */
    public Registration subscribe(UI ui, Consumer<List<Signal>> listener) {
        Subscriber subscriber = new Subscriber(ui, listener);
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    /** Calls {@code listener} on the relay's thread with each batch this instance receives or sends (no UI; monitoring, tests). */
    public Registration listen(Consumer<List<Signal>> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Subscribes the view's UI while the view is attached: a view that is navigated away from stops receiving. */
    public void follow(com.vaadin.flow.component.Component view, Consumer<List<Signal>> listener) {
        Registration[] current = new Registration[1];
        view.addAttachListener(event -> current[0] = subscribe(event.getUI(), listener));
        view.addDetachListener(event -> {
            if (current[0] != null) {
                current[0].remove();
            }
        });
    }

    /** The tenants a batch names with the given kind of change. */
    public static Set<UUID> tenants(List<Signal> batch, Signal.Kind kind) {
        Set<UUID> tenants = new LinkedHashSet<>();
        batch.stream().filter(signal -> signal.kind() == kind).forEach(signal -> tenants.add(signal.tenantId()));
        return tenants;
    }

    @EventListener
    void on(TenantEvent event) {
        afterCommit(new Signal(Signal.Kind.TENANT, event.tenantId().value()));
    }

    @EventListener
    void on(ManifestChanged event) {
        afterCommit(new Signal(Signal.Kind.MANIFEST, event.tenantId()));
    }

    @EventListener
    void on(TenantUsageChanged event) {
        afterCommit(new Signal(Signal.Kind.USAGE, event.tenantId()));
    }

    /** A signal for a change that was rolled back would make views re-read nothing new; it is dropped instead. */
    private void afterCommit(Signal signal) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    pending.add(signal);
                }
            });
        } else {
            pending.add(signal);
        }
    }

    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<Signal> batch = new ArrayList<>();
        for (Signal signal : pending) {
            if (pending.remove(signal)) {
                batch.add(signal);
            }
        }
        deliver(batch);
        StringBuilder message = new StringBuilder(instance);
        batch.forEach(signal -> message.append('\n').append(signal.encode()));
        try {
            redis.convertAndSend(CHANNEL, message.toString());
        } catch (RuntimeException e) {
            log.debug("Console updates not relayed to the other instances: {}", e.getMessage());
        }
    }

    private void received(String message) {
        String[] lines = message.split("\n");
        if (lines.length < 2 || lines[0].equals(instance)) {
            return;
        }
        Set<Signal> batch = new LinkedHashSet<>();
        for (int i = 1; i < lines.length; i++) {
            try {
                batch.add(Signal.decode(lines[i]));
            } catch (RuntimeException e) {
                log.debug("Ignoring a malformed console update: {}", lines[i]);
            }
        }
        deliver(List.copyOf(batch));
    }

    private void deliver(List<Signal> batch) {
        listeners.forEach(listener -> listener.accept(batch));
        for (Subscriber subscriber : subscribers) {
            try {
                subscriber.ui().access(() -> subscriber.listener().accept(batch));
            } catch (UIDetachedException e) {
                subscribers.remove(subscriber);
            }
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "console-updates");
            thread.setDaemon(true);
            return thread;
        });
        started.scheduleWithFixedDelay(() -> {
            try {
                flush();
            } catch (RuntimeException e) {
                log.warn("Console updates could not be delivered", e);
            }
        }, BATCH_MILLIS, BATCH_MILLIS, TimeUnit.MILLISECONDS);
        // Subscribing waits for Redis; started off the startup thread, so an unreachable Redis delays no one (the container retries).
        started.execute(() -> {
            try {
                container.afterPropertiesSet();
                container.start();
            } catch (RuntimeException e) {
                log.warn("Console updates from other instances are not received: {}", e.getMessage());
            }
        });
        sender = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService current = sender;
        if (current != null) {
            current.shutdownNow();
            sender = null;
        }
        container.stop();
    }

    @Override
    public boolean isRunning() {
        return sender != null;
    }
}
