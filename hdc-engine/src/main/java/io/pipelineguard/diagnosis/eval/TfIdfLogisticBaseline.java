package io.pipelineguard.diagnosis.eval;

import io.pipelineguard.diagnosis.Category;
import io.pipelineguard.diagnosis.learn.LabelledFailure;
import io.pipelineguard.diagnosis.learn.TemplateTokenizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The plain baseline the learned prototypes are compared with: TF-IDF over word unigrams and
 * bigrams of the same evidence templates, and multinomial logistic regression (softmax, L2 0.0001,
 * 60 epochs of SGD, rate 0.5, seeded order). Terms seen in fewer than 2 training failures are
 * dropped. Dev tooling; cost O(epochs x examples x terms x categories).
 */
final class TfIdfLogisticBaseline {
  private static final int EPOCHS = 60;
  private static final double RATE = 0.5;
  private static final double L2 = 1e-4;

  private final Map<String, Integer> vocabulary = new HashMap<>();
  private double[] idf = new double[0];
  private final List<Category> classes = new ArrayList<>();
  private double[][] weights = new double[0][];

  private record Sparse(int[] index, double[] value) {}

  /** Trains on the examples (replaces any earlier training). */
  void train(List<LabelledFailure> examples, long seed) {
    Map<String, Integer> df = new HashMap<>();
    for (LabelledFailure f : examples) {
      for (String t : terms(f.templates()).keySet()) {
        df.merge(t, 1, Integer::sum);
      }
      if (!classes.contains(f.category())) {
        classes.add(f.category());
      }
    }
    Collections.sort(classes);
    List<String> kept = new ArrayList<>();
    df.forEach(
        (t, n) -> {
          if (n >= 2) {
            kept.add(t);
          }
        });
    Collections.sort(kept);
    idf = new double[kept.size()];
    for (int i = 0; i < kept.size(); i++) {
      vocabulary.put(kept.get(i), i);
      idf[i] = Math.log((1.0 + examples.size()) / (1.0 + df.get(kept.get(i)))) + 1;
    }
    List<Sparse> xs = new ArrayList<>();
    List<Integer> ys = new ArrayList<>();
    for (LabelledFailure f : examples) {
      xs.add(vectorize(f.templates()));
      ys.add(classes.indexOf(f.category()));
    }
    weights = new double[classes.size()][kept.size() + 1];
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < xs.size(); i++) {
      order.add(i);
    }
    Random random = new Random(seed);
    for (int epoch = 0; epoch < EPOCHS; epoch++) {
      Collections.shuffle(order, random);
      double rate = RATE / (1 + 0.05 * epoch);
      for (int i : order) {
        double[] p = probabilities(xs.get(i));
        for (int c = 0; c < classes.size(); c++) {
          double g = p[c] - (ys.get(i) == c ? 1 : 0);
          double[] w = weights[c];
          Sparse x = xs.get(i);
          for (int j = 0; j < x.index.length; j++) {
            int k = x.index[j];
            w[k] -= rate * (g * x.value[j] + L2 * w[k]);
          }
          w[w.length - 1] -= rate * g;
        }
      }
    }
  }

  /** Returns class probabilities of a failure (empty before training). */
  Map<Category, Double> predict(List<String> templates) {
    Map<Category, Double> out = new EnumMap<>(Category.class);
    if (classes.isEmpty()) {
      return out;
    }
    double[] p = probabilities(vectorize(templates));
    for (int c = 0; c < classes.size(); c++) {
      out.put(classes.get(c), p[c]);
    }
    return out;
  }

  private double[] probabilities(Sparse x) {
    double[] z = new double[classes.size()];
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < z.length; c++) {
      double[] w = weights[c];
      double s = w[w.length - 1];
      for (int j = 0; j < x.index.length; j++) {
        s += w[x.index[j]] * x.value[j];
      }
      z[c] = s;
      max = Math.max(max, s);
    }
    double sum = 0;
    for (int c = 0; c < z.length; c++) {
      z[c] = Math.exp(z[c] - max);
      sum += z[c];
    }
    for (int c = 0; c < z.length; c++) {
      z[c] /= sum;
    }
    return z;
  }

  private Sparse vectorize(List<String> templates) {
    Map<String, Integer> tf = terms(templates);
    List<int[]> pairs = new ArrayList<>();
    tf.forEach(
        (t, n) -> {
          Integer i = vocabulary.get(t);
          if (i != null) {
            pairs.add(new int[] {i, n});
          }
        });
    pairs.sort((a, b) -> Integer.compare(a[0], b[0]));
    int[] index = new int[pairs.size()];
    double[] value = new double[pairs.size()];
    double sq = 0;
    for (int j = 0; j < index.length; j++) {
      index[j] = pairs.get(j)[0];
      value[j] = Math.log(1 + pairs.get(j)[1]) * idf[index[j]];
      sq += value[j] * value[j];
    }
    double inv = sq > 0 ? 1 / Math.sqrt(sq) : 0;
    for (int j = 0; j < value.length; j++) {
      value[j] *= inv;
    }
    return new Sparse(index, value);
  }

  private static Map<String, Integer> terms(List<String> templates) {
    Map<String, Integer> tf = new HashMap<>();
    for (String line : templates) {
      List<String> tokens = TemplateTokenizer.tokens(line);
      for (int i = 0; i < tokens.size(); i++) {
        tf.merge(tokens.get(i), 1, Integer::sum);
        if (i > 0) {
          tf.merge(tokens.get(i - 1) + " " + tokens.get(i), 1, Integer::sum);
        }
      }
    }
    return tf;
  }
}
