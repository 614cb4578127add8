package io.pipelineguard.repair;

import io.pipelineguard.diagnosis.Diagnosis;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Named {@link RepairEngine}s, shaped like resilience4j's {@code Registry}: lookups return {@link
 * Optional}, the name {@code default} is reserved, and additions, removals and replacements are
 * published to listeners. Thread-safe (a concurrent map; listeners in a copy-on-write list).
 */
public final class RepairEngineRegistry {
  /** The reserved name. */
  public static final String DEFAULT_NAME = "default";

  /** What happened to an entry. */
  public enum ChangeType {
    /** An engine was added. */
    ADDED,
    /** An engine was removed. */
    REMOVED,
    /** An engine replaced another of the same name. */
    REPLACED
  }

  /**
   * A change of the registry.
   *
   * @param type what happened
   * @param name the engine's name
   * @param engine the engine added, removed or newly in place
   */
  public record Change(ChangeType type, String name, RepairEngine engine) {}

  private final Map<String, RepairEngine> engines = new ConcurrentHashMap<>();
  private final List<Consumer<? super Change>> listeners = new CopyOnWriteArrayList<>();

  /**
   * Adds an engine under its {@link RepairEngine#name()}.
   *
   * @throws IllegalArgumentException if the name is {@code default}, blank, or already taken
   */
  public void register(RepairEngine engine) {
    Objects.requireNonNull(engine, "engine must not be null");
    String name = checkName(engine.name());
    if (engines.putIfAbsent(name, engine) != null) {
      throw new IllegalArgumentException(
          "an engine named '" + name + "' is already registered; use replace");
    }
    publish(new Change(ChangeType.ADDED, name, engine));
  }

  /** Returns the engine named {@code name}, if any. */
  public Optional<RepairEngine> find(String name) {
    return Optional.ofNullable(engines.get(Objects.requireNonNull(name, "name must not be null")));
  }

  /** Removes and returns the engine named {@code name}, if any. */
  public Optional<RepairEngine> remove(String name) {
    RepairEngine removed = engines.remove(Objects.requireNonNull(name, "name must not be null"));
    if (removed != null) {
      publish(new Change(ChangeType.REMOVED, name, removed));
    }
    return Optional.ofNullable(removed);
  }

  /** Replaces the engine named {@code name}; returns the old one, empty if none was there. */
  public Optional<RepairEngine> replace(String name, RepairEngine engine) {
    Objects.requireNonNull(engine, "engine must not be null");
    if (!checkName(name).equals(engine.name())) {
      throw new IllegalArgumentException(
          "engine name '" + engine.name() + "' must equal the replaced name '" + name + "'");
    }
    RepairEngine old = engines.replace(name, engine);
    if (old != null) {
      publish(new Change(ChangeType.REPLACED, name, engine));
    }
    return Optional.ofNullable(old);
  }

  /** Returns the engines that can handle this failure, sorted by name. Cost O(engines). */
  public List<RepairEngine> enginesFor(Diagnosis diagnosis, RepairContext context) {
    List<RepairEngine> out = new ArrayList<>();
    for (RepairEngine e : engines.values()) {
      if (e.canHandle(diagnosis, context)) {
        out.add(e);
      }
    }
    out.sort(java.util.Comparator.comparing(RepairEngine::name));
    return out;
  }

  /** Registers a listener of additions, removals and replacements. */
  public void onChange(Consumer<? super Change> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
  }

  private void publish(Change change) {
    for (Consumer<? super Change> l : listeners) {
      l.accept(change);
    }
  }

  private static String checkName(String name) {
    Objects.requireNonNull(name, "engine name must not be null");
    if (name.isBlank()) {
      throw new IllegalArgumentException("engine name must not be blank");
    }
    if (name.equals(DEFAULT_NAME)) {
      throw new IllegalArgumentException(
          "You cannot use 'default' as an engine name as it is reserved");
    }
    return name;
  }
}
