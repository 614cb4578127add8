package io.pipelineguard.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Extension;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;
import net.java.sezpoz.Index;
import net.java.sezpoz.IndexItem;
import org.junit.jupiter.api.Test;

/** Opens the built {@code target/pipeline-guard.hpi} and checks it is a Jenkins plugin. */
class HpiPackagingIT {
  private static final Path HPI =
      Path.of(System.getProperty("hpi.file", "target/pipeline-guard.hpi"));

  @Test
  void hpiHasTheJenkinsPluginLayoutAndNoShimClass() throws IOException {
    try (JarFile hpi = new JarFile(HPI.toFile())) {
      List<String> names = Collections.list(hpi.entries()).stream().map(ZipEntry::getName).toList();

      assertThat(names)
          .contains(
              "META-INF/MANIFEST.MF",
              "WEB-INF/lib/pipeline-guard.jar",
              "WEB-INF/lib/hdc-engine.jar",
              "WEB-INF/lib/re2j.jar");
      assertThat(names).noneMatch(n -> n.startsWith("WEB-INF/classes"));
      assertThat(
              names.stream()
                  .filter(n -> n.startsWith("WEB-INF/lib/"))
                  .filter(n -> n.endsWith(".jar")))
          .noneMatch(
              n ->
                  n.contains("shim")
                      || n.contains("guava")
                      || n.contains("sezpoz")
                      || n.contains("servlet")
                      || n.contains("spotbugs"));
      assertThat(names).noneMatch(n -> n.endsWith(".class"));
    }
  }

  @Test
  void manifestsCarryThePluginEntries() throws IOException {
    try (JarFile hpi = new JarFile(HPI.toFile())) {
      assertPluginManifest(hpi.getManifest().getMainAttributes());
      try (JarInputStream inner = new JarInputStream(innerJar(hpi))) {
        assertPluginManifest(inner.getManifest().getMainAttributes());
      }
    }
  }

  private static void assertPluginManifest(Attributes a) {
    assertThat(a.getValue("Short-Name")).isEqualTo("pipeline-guard");
    assertThat(a.getValue("Long-Name")).isEqualTo("Pipeline Guard");
    assertThat(a.getValue("Plugin-Version")).isEqualTo(System.getProperty("hpi.version"));
    assertThat(a.getValue("Jenkins-Version")).isEqualTo("2.541.3");
    assertThat(a.getValue("Hudson-Version")).isEqualTo("2.541.3");
    assertThat(a.getValue("Plugin-Dependencies"))
        .isEqualTo("workflow-step-api:710.v3e456cc85233,workflow-api:1398.v67030756d3fb_");
    assertThat(a.getValue("Minimum-Java-Version")).isEqualTo("17");
    assertThat(a.getValue("Group-Id")).isEqualTo("io.pipelineguard");
  }

  @Test
  void innerJarHoldsClassesViewsAndTheSezPozIndexButNoJenkinsClass() throws Exception {
    Path inner = Files.createTempFile("pipeline-guard", ".jar");
    try (JarFile hpi = new JarFile(HPI.toFile());
        InputStream in = innerJar(hpi)) {
      Files.copy(in, inner, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    try (JarFile jar = new JarFile(inner.toFile())) {
      List<String> names = Collections.list(jar.entries()).stream().map(ZipEntry::getName).toList();
      assertThat(names)
          .contains(
              "index.jelly",
              "io/pipelineguard/jenkins/GuardStep.class",
              "io/pipelineguard/jenkins/GuardStepExecution.class",
              "io/pipelineguard/jenkins/GuardStep/config.jelly",
              "io/pipelineguard/jenkins/GuardStep/help.html",
              "io/pipelineguard/jenkins/GuardManagementLink/index.jelly",
              "io/pipelineguard/jenkins/GuardGlobalConfiguration/config.jelly",
              "io/pipelineguard/jenkins/GuardBuildAction/summary.jelly",
              "io/pipelineguard/jenkins/GuardBuildAction/index.jelly",
              "META-INF/annotations/hudson.Extension",
              "META-INF/annotations/hudson.Extension.txt");
      assertThat(names)
          .filteredOn(n -> n.endsWith(".class"))
          .allMatch(n -> n.startsWith("io/pipelineguard/jenkins/"));
      String index =
          new String(
              jar.getInputStream(jar.getEntry("index.jelly")).readAllBytes(),
              StandardCharsets.UTF_8);
      assertThat(index).startsWith("<?jelly escape-by-default='true'?>");
      // The @Symbol index, as annotation-indexer writes it and Jenkins' SymbolLookup reads it.
      String symbols =
          new String(
              jar.getInputStream(jar.getEntry("META-INF/services/annotations/org.jenkinsci.Symbol"))
                  .readAllBytes(),
              StandardCharsets.UTF_8);
      assertThat(symbols.lines())
          .containsExactly(
              "io.pipelineguard.jenkins.GuardGlobalConfiguration",
              "io.pipelineguard.jenkins.GuardStep$DescriptorImpl",
              "io.pipelineguard.jenkins.GuardTransientCondition$DescriptorImpl");
    }

    // Read the binary index the way Jenkins core does (SezPoz Index.load), without loading classes.
    List<String> extensions = new ArrayList<>();
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {inner.toUri().toURL()}, Extension.class.getClassLoader())) {
      for (IndexItem<Extension, Object> item : Index.load(Extension.class, Object.class, loader)) {
        extensions.add(item.className());
      }
    } finally {
      Files.deleteIfExists(inner);
    }
    assertThat(extensions)
        .contains(
            "io.pipelineguard.jenkins.GuardStep$DescriptorImpl",
            "io.pipelineguard.jenkins.GuardTransientCondition$DescriptorImpl",
            "io.pipelineguard.jenkins.GuardRunListener",
            "io.pipelineguard.jenkins.GuardManagementLink",
            "io.pipelineguard.jenkins.GuardGlobalConfiguration",
            "io.pipelineguard.jenkins.JenkinsGuardRuntime");
  }

  private static InputStream innerJar(JarFile hpi) throws IOException {
    return hpi.getInputStream(hpi.getEntry("WEB-INF/lib/pipeline-guard.jar"));
  }
}
