package io.pipelineguard.jenkins.index;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes Jenkins' annotation index: for every annotation type meta-annotated with {@code
 * org.jvnet.hudson.annotation_indexer.Indexed} (for example {@code @org.jenkinsci.Symbol}), the
 * file {@code META-INF/services/annotations/<annotation FQN>} lists, one per line in UTF-8, the
 * binary names of the annotated classes ({@code pkg.Outer$Inner}), or {@code pkg.*} for an
 * annotated package — the format of annotation-indexer's own {@code AnnotationProcessorImpl}, which
 * Jenkins reads through {@code org.jvnet.hudson.annotation_indexer.Index}.
 *
 * <p>Cost: one pass over the annotated elements of the compilation; the files are written once, in
 * the last round.
 */
@SupportedAnnotationTypes("*")
public final class IndexedAnnotationProcessor extends AbstractProcessor {
  static final String INDEXED = "org.jvnet.hudson.annotation_indexer.Indexed";

  private final Map<String, Set<String>> index = new TreeMap<>();

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (round.processingOver()) {
      write();
      return false;
    }
    for (TypeElement annotation : annotations) {
      if (!isIndexed(annotation)) {
        continue;
      }
      Set<String> names =
          index.computeIfAbsent(annotation.getQualifiedName().toString(), k -> new TreeSet<>());
      for (Element element : round.getElementsAnnotatedWith(annotation)) {
        String name = binaryName(element);
        if (name != null) {
          names.add(name);
        }
      }
    }
    return false;
  }

  private static boolean isIndexed(TypeElement annotation) {
    for (AnnotationMirror meta : annotation.getAnnotationMirrors()) {
      Element type = meta.getAnnotationType().asElement();
      if (type instanceof TypeElement
          && ((TypeElement) type).getQualifiedName().contentEquals(INDEXED)) {
        return true;
      }
    }
    return false;
  }

  private String binaryName(Element element) {
    if (element.getKind() == ElementKind.PACKAGE) {
      return ((PackageElement) element).getQualifiedName() + ".*";
    }
    Element type = element;
    while (type != null && !(type instanceof TypeElement)) {
      type = type.getEnclosingElement();
    }
    return type == null
        ? null
        : processingEnv.getElementUtils().getBinaryName((TypeElement) type).toString();
  }

  private void write() {
    for (Map.Entry<String, Set<String>> entry : index.entrySet()) {
      String path = "META-INF/services/annotations/" + entry.getKey();
      try {
        FileObject file =
            processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", path);
        try (Writer writer =
            new java.io.OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
          for (String name : entry.getValue()) {
            writer.write(name);
            writer.write('\n');
          }
        }
      } catch (IOException e) {
        processingEnv
            .getMessager()
            .printMessage(Diagnostic.Kind.ERROR, "cannot write " + path + ": " + e.getMessage());
      }
    }
  }
}
