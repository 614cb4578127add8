package io.pipelineguard.bridge.cli;

import java.lang.reflect.Constructor;
import java.util.Map;
import picocli.CommandLine;

/**
 * Creates subcommands, handing the environment to those that take it in their constructor, so tests
 * can run the command line with a controlled environment instead of the process's.
 */
final class EnvironmentFactory implements CommandLine.IFactory {
  private final Map<String, String> environment;

  EnvironmentFactory(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    for (Constructor<?> constructor : type.getDeclaredConstructors()) {
      Class<?>[] parameters = constructor.getParameterTypes();
      if (parameters.length == 1 && parameters[0] == Map.class) {
        constructor.setAccessible(true);
        return type.cast(constructor.newInstance(environment));
      }
    }
    return CommandLine.defaultFactory().create(type);
  }
}
