package io.pipelineguard.diagnosis;

import io.pipelineguard.diagnosis.evidence.Candidate;
import io.pipelineguard.diagnosis.evidence.ErrorLevel;
import io.pipelineguard.diagnosis.evidence.FailingStep;
import io.pipelineguard.diagnosis.evidence.LogScan;
import io.pipelineguard.diagnosis.evidence.NewLineRuns;
import io.pipelineguard.diagnosis.evidence.PassLogIndex;
import io.pipelineguard.diagnosis.knowledge.Indication;
import io.pipelineguard.diagnosis.knowledge.KnowledgeBase;
import io.pipelineguard.diagnosis.log.LogLineReader;
import io.pipelineguard.diagnosis.log.ReadLimits;
import io.pipelineguard.diagnosis.log.ReadResult;
import io.pipelineguard.diagnosis.log.TemplateMasker;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Diagnoses a failed CI job from its log: category, retry-worthiness, evidence lines, calibrated
 * confidence, stable signature and novelty, with an explanation naming the rule or prototype and
 * the lines it rests on.
 *
 * <p>One streaming pass over the failing log (and one over the passing log when given); memory is
 * bounded by {@link ReadLimits} and the candidate bound, whatever the log's size. Instances are
 * immutable apart from the optional {@link SignatureHistory} and {@link LearnedPrototypes} they
 * were given, and can be shared by threads when those are thread-safe.
 */
public final class Diagnoser {
  private static final int MAX_PASS_TEMPLATES = 500_000;
  private static final double MIN_CATEGORY_SCORE = 0.5;
  private static final double POSITION_DISCOUNT = 0.8;
  private static final double[] REGION_WEIGHTS = {1.0, 1.0, 0.8, 0.6};
  private static final double OTHER_REGION_WEIGHT = 0.4;
  private static final double AFTER_FAILURE_WEIGHT = 0.2;
  private static final double BEFORE_STEP_WEIGHT = 0.25;
  private static final double FAR_DISCOUNT = 0.75;
  private static final int FAR_LINES = 2000;
  private static final int TAIL_SHOWN = 12;
  private static final int SHORT_STEP_LINES = 100;
  private static final double GUESSED_COMMAND_WEIGHT = 0.5;
  private static final int FIRST_CAUSE_LINES = 8;
  private static final double FIRST_CAUSE_WEIGHT = 2.0;
  private static final int NESTED_CAUSE_LINES = 500;
  private static final int MIN_CAUSE_LINES = 2;
  private static final int SHORT_REPORT_LINES = 4;
  private static final double LATER_CAUSE_WEIGHT = 1.0;
  private static final int NESTED_EXIT_CONTEXT = 3;

  /** Built-in rules for a tool saying that a command it ran exited with a non-zero status. */
  static final Set<String> NESTED_EXIT_RULES =
      Set.of("evidence.exit-status", "evidence.make-error");

  /** How far (lines each way) evidence widens over a run of lines the passing log lacks. */
  static final int NEW_RUN_REACH = 5000;

  /** How many of the most telling templates are handed to learned prototypes. */
  private static final int PROTOTYPE_QUERY_TEMPLATES = 16;

  /**
   * Share of the test-failure votes that signs of intermittency need to turn a failing test run
   * into a flaky one (taxonomy rule 3: flaky_test is a test failure the log marks as intermittent).
   */
  static final double FLAKY_SHARE = 0.3;

  /**
   * The built-in rule for a full disk: on a machine that is not recreated for each job (see {@link
   * FailingStep#persistentMachine()}) the disk stays full, so such a failure is not transient.
   */
  static final String DISK_FULL_RULE = "resource.disk";

  /**
   * The built-in rule for a compiler error located in downloaded package code (cargo's download
   * cache): the compilation votes describe a dependency's code, see {@link #refineCompilation}.
   */
  static final String DOWNLOADED_CODE_RULE = "dependency.compile-error-in-downloaded-crate";

  /**
   * Share of the compilation votes the downloaded-code vote needs to make them dependency votes.
   */
  static final double DOWNLOADED_SHARE = 0.5;

  /**
   * The built-in rules for a link checker's findings and summaries: with them in the failing step,
   * connection errors are the links it could not reach, see {@link #refineLinkCheck}.
   */
  static final Set<String> LINK_CHECK_RULES =
      Set.of("quality.link-findings", "quality.link-report");

  /** Share of the network votes the link checker's votes need to make them quality-gate votes. */
  static final double LINK_CHECK_SHARE = 0.25;

  private final KnowledgeBase knowledge;
  private final ReadLimits limits;
  private final int maxCandidates;
  private final int evidenceBudget;
  private final Calibration calibration;
  private final LearnedPrototypes prototypes;
  private final double prototypeWeight;
  private final SignatureHistory history;
  private final Duration noveltyWindow;
  private final Clock clock;

  private Diagnoser(Builder b) {
    this.knowledge = b.knowledge != null ? b.knowledge : KnowledgeBase.builtIn();
    this.limits = b.limits;
    this.maxCandidates = b.maxCandidates;
    this.evidenceBudget = b.evidenceBudget;
    this.calibration = b.calibration;
    this.prototypes = b.prototypes;
    this.prototypeWeight = b.prototypeWeight;
    this.history = b.history;
    this.noveltyWindow = b.noveltyWindow;
    this.clock = b.clock;
  }

  /** Returns a builder with the built-in knowledge and default limits. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the knowledge base in use. */
  public KnowledgeBase knowledge() {
    return knowledge;
  }

  /**
   * Diagnoses a failing log.
   *
   * @throws IOException when the log cannot be opened
   */
  public DiagnosisReport diagnose(LogSource failing) throws IOException {
    return diagnose(failing, null);
  }

  /**
   * Diagnoses a failing log, discounting lines whose template also occurs in the log of the last
   * successful run of the same job.
   *
   * @param passing the passing log, or null when unknown
   * @throws IOException when a log cannot be opened
   */
  public DiagnosisReport diagnose(LogSource failing, LogSource passing) throws IOException {
    Objects.requireNonNull(failing, "failing");
    Set<String> pass = Set.of();
    long passBytes = 0;
    if (passing != null) {
      PassLogIndex index = new PassLogIndex(MAX_PASS_TEMPLATES);
      try (InputStream in = passing.open()) {
        passBytes = LogLineReader.read(in, limits, index).bytes();
      }
      pass = index.templates();
    }
    LogScan scan = new LogScan(knowledge, pass, maxCandidates);
    ReadResult read;
    try (InputStream in = failing.open()) {
      read = LogLineReader.read(in, limits, scan);
    }
    scan.endOfLog(read.lines());
    return judge(scan.candidates(), scan.failingStep(), pass, scan.newLineRuns(), read, passBytes);
  }

  /**
   * How much a line's votes count given where the first failing step is: lines of the failing step
   * count fully (less the farther they are from its end), lines before the step a quarter, lines
   * after the failure a fifth (later steps, after-failure dumps). Without a failure marker, lines
   * count more the later they come.
   */
  static double stepWeight(int line, FailingStep step, int total) {
    if (!step.found()) {
      return 1.0 - POSITION_DISCOUNT * (1.0 - (double) line / total);
    }
    int f = step.failLine();
    if (line > f) {
      return AFTER_FAILURE_WEIGHT;
    }
    double near = 1.0 - FAR_DISCOUNT * Math.min(1.0, (f - line) / (double) FAR_LINES);
    if (step.stepStart() > 0 && line < step.stepStart()) {
      near *= BEFORE_STEP_WEIGHT;
    }
    return near;
  }

  private DiagnosisReport judge(
      List<Candidate> candidates,
      FailingStep step,
      Set<String> pass,
      NewLineRuns newRuns,
      ReadResult read,
      long passBytes) {
    Map<Category, Double> scores = new EnumMap<>(Category.class);
    Map<String, RuleHit> hits = new LinkedHashMap<>();
    Map<String, double[]> perRule = new HashMap<>(); // best weight, distinct lines
    int total = Math.max(1, read.lines());
    Map<Candidate, Double> regionWeight = new HashMap<>();
    List<Region> ranked = regions(candidates, null, step, total);
    for (int i = 0; i < ranked.size(); i++) {
      double rw = i < REGION_WEIGHTS.length ? REGION_WEIGHTS[i] : OTHER_REGION_WEIGHT;
      for (Candidate c : ranked.get(i).members) {
        regionWeight.put(c, rw);
      }
    }
    for (Candidate c : candidates) {
      double damp = c.inPassLog() ? 0.1 : 1.0;
      double position = stepWeight(c.line(), step, total);
      position *= regionWeight.getOrDefault(c, OTHER_REGION_WEIGHT);
      for (Indication ind : c.indications()) {
        if (ind.category().isEmpty() || ind.weight() <= 0 || !strongestOfItsCategory(c, ind)) {
          continue; // one line counts once per category: its strongest rule
        }
        double w = ind.weight() * damp * position;
        double[] agg = perRule.computeIfAbsent(ind.id(), k -> new double[2]);
        agg[0] = Math.max(agg[0], w);
        agg[1]++;
        hits.putIfAbsent(ind.id(), new RuleHit(ind.id(), ind.category().get(), c.line(), 0));
      }
    }
    for (Map.Entry<String, RuleHit> e : new ArrayList<>(hits.entrySet())) {
      double[] agg = perRule.get(e.getKey());
      double w = agg[0] * (1.0 + 0.25 * Math.min(3.0, log2((int) agg[1])));
      RuleHit h = e.getValue();
      scores.merge(h.category(), w, Double::sum);
      hits.put(e.getKey(), new RuleHit(h.ruleId(), h.category(), h.line(), w));
    }
    // a command guessed from the last step seen (no CI failure marker) counts half
    double commandWeight = step.commandKnown() ? 1.0 : GUESSED_COMMAND_WEIGHT;
    for (Indication ind : knowledge.matchCommand(step.command())) {
      if (ind.category().isEmpty() || ind.weight() <= 0) {
        continue;
      }
      double w = ind.weight() * commandWeight;
      scores.merge(ind.category().get(), w, Double::sum);
      hits.put(ind.id(), new RuleHit(ind.id(), ind.category().get(), step.failLine(), w));
    }
    List<String> topTemplates = topTemplates(candidates, null, PROTOTYPE_QUERY_TEMPLATES);
    List<PrototypeMatch> nearest = List.of();
    if (prototypes != null && !prototypes.isEmpty() && !topTemplates.isEmpty()) {
      nearest = prototypes.nearest(topTemplates, 3);
      for (PrototypeMatch m : nearest) {
        if (m.similarity() > 0) {
          scores.merge(m.category(), prototypeWeight * m.similarity(), Double::sum);
        }
      }
    }
    refineTestFailure(scores);
    RuleHit downloaded = hits.get(DOWNLOADED_CODE_RULE);
    refineCompilation(scores, downloaded == null ? 0 : downloaded.weight());
    double linkCheck = 0;
    for (String id : LINK_CHECK_RULES) {
      RuleHit h = hits.get(id);
      linkCheck += h == null ? 0 : h.weight();
    }
    refineLinkCheck(scores, linkCheck);
    Category winner = Category.UNKNOWN;
    double top = 0;
    double second = 0;
    for (Map.Entry<Category, Double> e : scores.entrySet()) {
      double s = e.getValue();
      if (s > top) {
        second = top;
        top = s;
        winner = e.getKey();
      } else if (s > second) {
        second = s;
      }
    }
    if (top < MIN_CATEGORY_SCORE) {
      winner = Category.UNKNOWN;
    }
    List<Region> regions = regions(candidates, winner, step, total);
    List<EvidenceLine> shown = new ArrayList<>();
    Candidate cause = firstCause(candidates, winner, step);
    Map<Candidate, Integer> laterShown = new HashMap<>(2);
    List<LineSpan> spans =
        select(
            regions,
            step,
            pass,
            cause,
            nestedExit(candidates, step),
            firstErrorLevel(candidates, step, cause),
            laterCause(candidates, step),
            laterShown,
            shown);
    if (cause != null) {
      spans = widenToReport(spans, cause, step.found() ? step.failLine() : 0, Integer.MAX_VALUE);
    }
    for (Map.Entry<Candidate, Integer> later : laterShown.entrySet()) {
      spans = widenToReport(spans, later.getKey(), step.laterFailLine(), later.getValue());
    }
    if (newRuns != null) {
      spans = widenToNewRuns(spans, shown, newRuns);
    }
    List<String> evidenceTemplates = topTemplates(candidates, winner, 5);
    boolean transientFailure = decideTransient(winner, candidates, scores, step);
    double confidence =
        winner == Category.UNKNOWN
            ? Math.min(0.5, calibration.confidence(0, 0))
            : calibration.confidence(top, second);
    String signature = signature(winner, evidenceTemplates);
    boolean novel = true;
    if (history != null) {
      Instant now = clock.instant();
      Optional<Instant> last = history.lastSeen(signature);
      novel = last.isEmpty() || last.get().isBefore(now.minus(noveltyWindow));
      history.record(signature, now);
    }
    List<RuleHit> ruleHits = new ArrayList<>(hits.values());
    ruleHits.sort(Comparator.comparingDouble(RuleHit::weight).reversed());
    if (ruleHits.size() > 10) {
      ruleHits = ruleHits.subList(0, 10);
    }
    String explanation = explain(winner, ruleHits, nearest, spans, read);
    Diagnosis diagnosis =
        new Diagnosis(
            winner, transientFailure, round(confidence), spans, signature, novel, explanation);
    return new DiagnosisReport(
        diagnosis, shown, scores, ruleHits, nearest, evidenceTemplates, read, passBytes);
  }

  /**
   * Folds the flaky-test votes and the test-failure votes into one of the two: both describe the
   * same failing tests, flaky_test only adds that the log marks them as intermittent. With signs of
   * intermittency worth at least {@link #FLAKY_SHARE} of the test-failure votes the sum goes to
   * flaky_test, else to test_failure (so weak, distant flaky signs strengthen a plain test failure
   * instead of competing with it). Constant time.
   */
  static void refineTestFailure(Map<Category, Double> scores) {
    double tests = scores.getOrDefault(Category.TEST_FAILURE, 0.0);
    double flaky = scores.getOrDefault(Category.FLAKY_TEST, 0.0);
    if (tests <= 0 || flaky <= 0) {
      return;
    }
    boolean intermittent = flaky >= FLAKY_SHARE * tests;
    scores.remove(intermittent ? Category.TEST_FAILURE : Category.FLAKY_TEST);
    scores.put(intermittent ? Category.FLAKY_TEST : Category.TEST_FAILURE, tests + flaky);
  }

  /**
   * Moves the compilation votes to dependency when the compiler's errors lie in downloaded code
   * (the {@link #DOWNLOADED_CODE_RULE} vote reaches {@link #DOWNLOADED_SHARE} of the compilation
   * votes): taxonomy rule 1, a compile error caused by a dependency is a dependency failure.
   * Constant time.
   */
  static void refineCompilation(Map<Category, Double> scores, double downloadedVote) {
    double compile = scores.getOrDefault(Category.COMPILATION, 0.0);
    if (downloadedVote <= 0 || compile <= 0 || downloadedVote < DOWNLOADED_SHARE * compile) {
      return;
    }
    scores.remove(Category.COMPILATION);
    scores.merge(Category.DEPENDENCY, compile, Double::sum);
  }

  /**
   * Moves the network votes to quality_gate when a link checker reported its findings (the {@link
   * #LINK_CHECK_RULES} votes reach {@link #LINK_CHECK_SHARE} of the network votes): a link checker
   * prints, for each link it could not reach, the connection error or HTTP status it got, and those
   * are its findings, not the CI's network failing (as the command rule {@code
   * command.link-checker} says when the failing command names the checker). Constant time.
   */
  static void refineLinkCheck(Map<Category, Double> scores, double linkCheckVote) {
    double network = scores.getOrDefault(Category.NETWORK, 0.0);
    if (linkCheckVote <= 0 || network <= 0 || linkCheckVote < LINK_CHECK_SHARE * network) {
      return;
    }
    scores.remove(Category.NETWORK);
    scores.merge(Category.QUALITY_GATE, network, Double::sum);
  }

  /** Whether {@code ind} is the first of the strongest indications of its category on the line. */
  private static boolean strongestOfItsCategory(Candidate c, Indication ind) {
    for (Indication other : c.indications()) {
      if (other == ind) {
        return true;
      }
      if (other.category().equals(ind.category()) && other.weight() >= ind.weight()) {
        return false;
      }
    }
    return true;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  private static double log2(int n) {
    return Math.log(n) / Math.log(2);
  }

  /** A run of nearby candidate blocks, ranked as one piece of evidence. */
  private static final class Region {
    int first;
    int last;
    double best;
    double sum;
    Candidate bestCandidate;
    final List<Candidate> members = new ArrayList<>();
    final Map<Integer, String> texts = new HashMap<>();

    double score() {
      return best + Math.min(3.0, 0.3 * (sum - best));
    }
  }

  private static double relevance(Candidate c, Category winner) {
    double damp = c.inPassLog() ? 0.1 : 1.0;
    double vote = 0;
    for (Indication ind : c.indications()) {
      if (winner != null
          && ind.category().isPresent()
          && ind.category().get() == winner
          && ind.weight() > 0) {
        vote += ind.weight();
      }
    }
    return c.effectiveScore() + vote * damp;
  }

  private static List<Region> regions(
      List<Candidate> candidates, Category winner, FailingStep step, int total) {
    List<Region> regions = new ArrayList<>();
    Region cur = null;
    for (Candidate c : candidates) {
      double r = relevance(c, winner) * stepWeight(c.line(), step, total);
      int f = step.failLine();
      boolean crossesFailure = cur != null && f > 0 && cur.first <= f && c.line() > f;
      if (cur == null || c.line() > cur.last + 2 || crossesFailure) {
        cur = new Region();
        cur.first = c.line();
        cur.last = c.blockEnd();
        regions.add(cur);
      } else {
        cur.last = Math.max(cur.last, c.blockEnd());
      }
      cur.sum += r;
      cur.members.add(c);
      if (r > cur.best) {
        cur.best = r;
        cur.bestCandidate = c;
      }
      List<String> texts = c.texts();
      for (int i = 0; i < texts.size(); i++) {
        cur.texts.putIfAbsent(c.line() + i, texts.get(i));
      }
    }
    regions.sort(
        Comparator.comparingDouble(Region::score).reversed().thenComparingInt(reg -> reg.first));
    return regions;
  }

  /**
   * Returns the first line of the failing step (or of the log, when no step was found) that a
   * strong rule of the winning category matched: the first root cause, as a person scrolling the
   * step would find it. Null when none.
   */
  private static Candidate firstCause(
      List<Candidate> candidates, Category winner, FailingStep step) {
    int from = step.stepStart();
    int to = step.found() ? step.failLine() : Integer.MAX_VALUE;
    for (int i = 0; i < candidates.size(); i++) {
      Candidate c = candidates.get(i);
      if (c.line() < from || c.line() > to || c.inPassLog()) {
        continue;
      }
      for (Indication ind : c.indications()) {
        if (ind.category().orElse(null) == winner && ind.weight() >= FIRST_CAUSE_WEIGHT) {
          return nestedCause(candidates, i, ind, to);
        }
      }
    }
    return null;
  }

  /**
   * Returns the first more indented line that the same rule matched within {@value
   * #NESTED_CAUSE_LINES} lines under {@code candidates[at]}, or that candidate itself: a runner
   * that nests its reports (a test and its subtests) prints the enclosing failure first and the one
   * that says what went wrong further in. Cost: a walk over the candidates that follow.
   */
  private static Candidate nestedCause(
      List<Candidate> candidates, int at, Indication rule, int failLine) {
    Candidate outer = candidates.get(at);
    int depth = indentation(outer.texts().get(0));
    for (int k = at + 1; k < candidates.size(); k++) {
      Candidate c = candidates.get(k);
      if (c.line() > failLine || c.line() - outer.line() > NESTED_CAUSE_LINES) {
        break;
      }
      if (!c.inPassLog()
          && c.indications().contains(rule)
          && indentation(c.texts().get(0)) > depth) {
        return c;
      }
    }
    return outer;
  }

  private static int indentation(String text) {
    int i = 0;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  /**
   * Returns the first line inside the failing step (before its failure marker) where a tool said
   * that a command of its own failed with a non-zero status (the {@link #NESTED_EXIT_RULES}: a
   * package manager's "command failed with exit code", make's "*** Error N"): the lines that tool
   * printed just before are usually what failed. 0 when none. Cost: a walk over the candidates.
   */
  static int nestedExit(List<Candidate> candidates, FailingStep step) {
    if (!step.found()) {
      return 0;
    }
    int from = step.stepStart();
    int to = step.failLine();
    int first = 0;
    for (Candidate c : candidates) {
      if (c.inPassLog() || !c.indications().stream().anyMatch(Diagnoser::isNestedExit)) {
        continue;
      }
      // a template seen before the step may recur inside it: its last occurrence may be there
      int line = c.line() > from ? c.line() : c.lastLine();
      if (line > from && line < to && line != step.ciMarkerLine() && (first == 0 || line < first)) {
        first = line;
      }
    }
    return first;
  }

  /**
   * Returns the first line of the failing step, above the first cause (or anywhere in the step when
   * there is none), that starts with an error level ({@link ErrorLevel}): a build tool that logs by
   * level prints its first error where things began to go wrong, while the first cause found by the
   * category's rules may be a later consequence or summary. Null when none. Cost: a walk over the
   * candidates.
   */
  static Candidate firstErrorLevel(List<Candidate> candidates, FailingStep step, Candidate cause) {
    if (!step.found()) {
      return null;
    }
    int from = step.stepStart();
    int to = cause != null ? cause.line() : step.failLine();
    for (Candidate c : candidates) {
      if (c.line() > from
          && c.line() < to
          && !c.inPassLog()
          && ErrorLevel.startsWithError(c.texts().get(0))) {
        return c;
      }
    }
    return null;
  }

  private static boolean isNestedExit(Indication ind) {
    return NESTED_EXIT_RULES.contains(ind.id());
  }

  /**
   * Returns the first line of a later failing step (see {@link FailingStep#laterFailLine()}) that a
   * rule of weight at least {@value #LATER_CAUSE_WEIGHT} matched, whatever its category: when an
   * after-failure or deploy step fails too, what broke it is worth a look. Null when none. Cost: a
   * walk over the candidates.
   */
  static Candidate laterCause(List<Candidate> candidates, FailingStep step) {
    int from = step.laterStepStart();
    int to = step.laterFailLine();
    if (to <= 0) {
      return null;
    }
    for (Candidate c : candidates) {
      if (c.line() <= from || c.line() >= to || c.inPassLog()) {
        continue;
      }
      for (Indication ind : c.indications()) {
        if (ind.weight() >= LATER_CAUSE_WEIGHT) {
          return c;
        }
      }
    }
    return null;
  }

  private List<LineSpan> select(
      List<Region> regions,
      FailingStep step,
      Set<String> pass,
      Candidate cause,
      int nestedExit,
      Candidate firstErrorLevel,
      Candidate laterCause,
      Map<Candidate, Integer> laterShown,
      List<EvidenceLine> shown) {
    TreeMap<Integer, String> lines = new TreeMap<>();
    int report = cause == null ? 0 : reportLength(cause, step.found() ? step.failLine() : 0);
    if (cause != null) {
      // a one-line cause is shown with a line of context, a report's first lines as its excerpt
      addFirstCause(
          cause,
          step.found() ? step.failLine() : Integer.MAX_VALUE,
          Math.max(MIN_CAUSE_LINES, Math.min(FIRST_CAUSE_LINES, report)),
          lines);
    }
    if (step.ciMarkerLine() > 0) {
      lines.put(step.ciMarkerLine(), step.ciMarkerText()); // names the command and its exit code
    }
    List<FailingStep.TailLine> tail = step.tail();
    int tailShown = Math.min(TAIL_SHOWN, evidenceBudget / 2);
    if (step.stepStart() > 0
        && step.failLine() - step.stepStart() <= SHORT_STEP_LINES
        && report <= SHORT_REPORT_LINES) {
      // a short failing step is shown whole, as CI web pages expand it, unless the first cause
      // opens a report: then the report (widenToReport) is what to read, with the step's last lines
      tailShown = tail.size();
    }
    // a report shown whole takes the place of the other regions
    int reportExtra = Math.max(0, report - FIRST_CAUSE_LINES);
    TemplateMasker masker = pass.isEmpty() ? null : new TemplateMasker();
    int added = 0;
    for (int i = tail.size() - 1; i >= 0 && added < tailShown; i--) {
      FailingStep.TailLine t = tail.get(i);
      if (t.number() < step.stepStart()) {
        break;
      }
      if (masker != null && pass.contains(masker.mask(t.text().toCharArray(), t.text().length()))) {
        continue; // also printed by the last passing run: not what went wrong
      }
      lines.put(t.number(), t.text());
      added++;
    }
    if (nestedExit > 0 && !tail.isEmpty() && tail.get(0).number() <= nestedExit) {
      // a tool inside the step said a command of its own failed: what it printed just before
      TreeMap<Integer, String> with = new TreeMap<>(lines);
      int context = -1; // the exit line itself, then the lines above it
      for (int i = tail.size() - 1; i >= 0 && context < NESTED_EXIT_CONTEXT; i--) {
        FailingStep.TailLine t = tail.get(i);
        if (t.number() <= nestedExit && t.number() > step.stepStart()) {
          with.put(t.number(), t.text());
          context++;
        }
      }
      if (context >= 0 && fitsBudget(with, reportExtra)) {
        lines.putAll(with);
      }
    }
    if (firstErrorLevel != null) {
      // the step's first error-level line, above the first cause: where the errors began
      TreeMap<Integer, String> with = new TreeMap<>(lines);
      addFirstCause(firstErrorLevel, step.failLine(), MIN_CAUSE_LINES, with);
      if (fitsBudget(with, reportExtra)) {
        lines.putAll(with);
      }
    }
    int remaining = evidenceBudget - lines.size() - reportExtra;
    if (laterCause != null) {
      // a later step failed too: its marker and its cause's first lines, and as much of its report
      // as the budget leaves (it is the second failure, not the first), counted as the spans show
      TreeMap<Integer, String> with = new TreeMap<>(lines);
      addFirstCause(laterCause, step.laterFailLine(), MIN_CAUSE_LINES, with);
      with.put(step.laterFailLine(), step.laterFailText());
      int left = evidenceBudget - spanLines(with) - reportExtra;
      if (left >= 0) {
        lines.putAll(with);
        remaining = left;
        int laterReport =
            Math.min(reportLength(laterCause, step.laterFailLine()), left + MIN_CAUSE_LINES);
        remaining -= Math.max(0, laterReport - MIN_CAUSE_LINES);
        laterShown.put(laterCause, laterReport);
      }
    }
    double topScore = regions.isEmpty() ? 0 : regions.get(0).score();
    int taken = 0;
    for (Region reg : regions) {
      if (remaining < 2 || taken >= 4) {
        break;
      }
      if (taken > 0 && reg.score() < 0.5 * topScore) {
        break;
      }
      int first = reg.first;
      int last = reg.last;
      if (last - first + 1 > remaining) {
        first = Math.max(reg.first, reg.bestCandidate.line() - 1);
        last = Math.min(reg.last, first + remaining - 1);
      }
      taken++;
      for (int line = first; line <= last; line++) {
        if (lines.putIfAbsent(line, reg.texts.getOrDefault(line, "")) == null) {
          remaining--;
        }
      }
    }
    return spansOf(lines, shown);
  }

  /**
   * With a passing log: widens the evidence to the whole run of new lines (templates the passing
   * log does not have, see {@link NewLineRuns}) around each shown line, at most {@value
   * #NEW_RUN_REACH} lines each way, as a person comparing the two logs would read it: a stack trace
   * or an error listing that the last success did not print is one piece of evidence. Shown lines
   * ({@code shown}) stay the excerpt; only the spans grow. Cost: a binary search per shown line.
   */
  static List<LineSpan> widenToNewRuns(
      List<LineSpan> spans, List<EvidenceLine> shown, NewLineRuns runs) {
    TreeMap<Integer, Integer> intervals = new TreeMap<>();
    for (LineSpan s : spans) {
      intervals.merge(s.first(), s.last(), Math::max);
    }
    for (EvidenceLine line : shown) {
      int[] run = runs.runContaining(line.number());
      if (run != null) {
        int first = Math.max(run[0], line.number() - NEW_RUN_REACH);
        int last = Math.min(run[1], line.number() + NEW_RUN_REACH);
        intervals.merge(first, last, Math::max);
      }
    }
    return merged(intervals);
  }

  /**
   * Widens the evidence over the whole report that starts at the first cause (see {@link
   * ReportBlocks}: a test runner's failure report, a compiler's error listing), up to the line
   * before the failure marker on line {@code failLine} (0: none) and at most {@code maxLines}
   * lines: a developer reads such a report whole, while a one-line cause stays one line. Shown
   * lines stay the excerpt; only the spans grow. Cost: linear in the spans.
   */
  static List<LineSpan> widenToReport(
      List<LineSpan> spans, Candidate cause, int failLine, int maxLines) {
    int length = Math.min(maxLines, reportLength(cause, failLine));
    if (length <= 1) {
      return spans;
    }
    int last = cause.line() + length - 1;
    TreeMap<Integer, Integer> intervals = new TreeMap<>();
    for (LineSpan s : spans) {
      intervals.merge(s.first(), s.last(), Math::max);
    }
    intervals.merge(cause.line(), last, Math::max);
    return merged(intervals);
  }

  /**
   * Returns the lines of the report that starts at {@code cause}, before the failure marker on line
   * {@code failLine} (0: none).
   */
  private static int reportLength(Candidate cause, int failLine) {
    int last = cause.reportEnd();
    if (failLine > 0) {
      last = Math.min(last, failLine - 1);
    }
    return Math.max(1, last - cause.line() + 1);
  }

  /** Joins intervals (first to last, sorted by first) that overlap or lie within 3 lines. */
  private static List<LineSpan> merged(TreeMap<Integer, Integer> intervals) {
    List<LineSpan> out = new ArrayList<>();
    int first = -1;
    int last = -1;
    for (Map.Entry<Integer, Integer> e : intervals.entrySet()) {
      if (first > 0 && e.getKey() <= last + 3) {
        last = Math.max(last, e.getValue());
        continue;
      }
      if (first > 0) {
        out.add(new LineSpan(first, last));
      }
      first = e.getKey();
      last = e.getValue();
    }
    if (first > 0) {
      out.add(new LineSpan(first, last));
    }
    return out;
  }

  /**
   * Shows the first cause with the lines printed right under it, indented or not (a test runner's
   * test name and assertion, a compiler's source excerpt), at most {@value #FIRST_CAUSE_LINES} in
   * all, ending at the first two consecutive blank lines or before the failure marker {@code
   * failLine} (what follows belongs to later steps).
   */
  private static void addFirstCause(
      Candidate cause, int failLine, int maxLines, Map<Integer, String> lines) {
    lines.put(cause.line(), cause.texts().get(0));
    List<String> following = cause.following();
    int blanks = 0;
    int last = Math.min(following.size(), Math.min(maxLines - 1, failLine - cause.line() - 1));
    for (int k = 0; k < last; k++) {
      String text = following.get(k);
      blanks = text.isEmpty() ? blanks + 1 : 0;
      if (blanks >= 2) {
        break;
      }
      lines.put(cause.line() + 1 + k, text);
    }
  }

  /** Whether {@code lines}' spans plus {@code reserved} lines stay within the evidence budget. */
  private boolean fitsBudget(NavigableMap<Integer, String> lines, int reserved) {
    return spanLines(lines) + reserved <= evidenceBudget;
  }

  /** Returns how many lines the spans of {@code lines} cover (see {@link #spansOf}). */
  static int spanLines(NavigableMap<Integer, String> lines) {
    int covered = 0;
    int previous = -10;
    for (int line : lines.keySet()) {
      covered += line <= previous + 3 ? line - previous : 1;
      previous = line;
    }
    return covered;
  }

  /** Turns shown line numbers into spans, joining runs separated by at most 2 unshown lines. */
  static List<LineSpan> spansOf(NavigableMap<Integer, String> lines, List<EvidenceLine> shown) {
    List<LineSpan> spans = new ArrayList<>();
    int first = -1;
    int last = -1;
    for (Map.Entry<Integer, String> e : lines.entrySet()) {
      int line = e.getKey();
      shown.add(new EvidenceLine(line, e.getValue()));
      if (first > 0 && line <= last + 3) {
        last = line;
        continue;
      }
      if (first > 0) {
        spans.add(new LineSpan(first, last));
      }
      first = line;
      last = line;
    }
    if (first > 0) {
      spans.add(new LineSpan(first, last));
    }
    return spans;
  }

  private static List<String> topTemplates(List<Candidate> candidates, Category winner, int k) {
    List<Candidate> sorted = new ArrayList<>(candidates);
    sorted.sort(
        Comparator.comparingDouble((Candidate c) -> relevance(c, winner))
            .reversed()
            .thenComparingInt(Candidate::line));
    List<String> out = new ArrayList<>();
    for (Candidate c : sorted) {
      if (out.size() >= k) {
        break;
      }
      out.add(c.template());
    }
    return out;
  }

  private static boolean decideTransient(
      Category winner, List<Candidate> candidates, Map<Category, Double> scores, FailingStep step) {
    Boolean override = null;
    double overrideWeight = 0;
    boolean diskFull = false;
    for (Candidate c : candidates) {
      if (c.inPassLog()) {
        continue;
      }
      for (Indication ind : c.indications()) {
        diskFull |= ind.id().equals(DISK_FULL_RULE) && winner == Category.RESOURCE;
        if (ind.transientOverride().isPresent()
            && ind.category().orElse(null) == winner
            && ind.weight() > overrideWeight) {
          override = ind.transientOverride().get();
          overrideWeight = ind.weight();
        }
      }
    }
    if (override != null) {
      return override;
    }
    if (diskFull && step.persistentMachine()) {
      return false; // a retry lands on the same full disk
    }
    switch (winner.kind()) {
      case TRANSIENT:
        return true;
      case DETERMINISTIC:
      case UNKNOWN:
        return false;
      default:
        break;
    }
    if (winner == Category.DEPLOYMENT) {
      return true;
    }
    double network = scores.getOrDefault(Category.NETWORK, 0.0);
    return network >= 0.5 * scores.getOrDefault(winner, 0.0);
  }

  /**
   * Returns the signature: the category and a 64-bit FNV-1a hash of the evidence's most telling
   * templates, in hex. Templates mask run-specific values, so the same failure in another run has
   * the same signature.
   */
  static String signature(Category category, List<String> templates) {
    long h = 0xcbf29ce484222325L;
    for (String t : templates.subList(0, Math.min(3, templates.size()))) {
      for (int i = 0; i < t.length(); i++) {
        h ^= t.charAt(i);
        h *= 0x100000001b3L;
      }
      h ^= 0x1f;
      h *= 0x100000001b3L;
    }
    return category.wireName() + "/" + String.format(Locale.ROOT, "%016x", h);
  }

  private static String explain(
      Category winner,
      List<RuleHit> hits,
      List<PrototypeMatch> nearest,
      List<LineSpan> spans,
      ReadResult read) {
    StringBuilder sb = new StringBuilder();
    RuleHit best = null;
    for (RuleHit h : hits) {
      if (h.category() == winner) {
        best = h;
        break;
      }
    }
    if (winner == Category.UNKNOWN) {
      sb.append("No rule or learned prototype points to a cause");
    } else if (best != null) {
      sb.append("Rule ")
          .append(best.ruleId())
          .append(" points to ")
          .append(winner.wireName())
          .append(" (first on line ")
          .append(best.line())
          .append(')');
    } else {
      sb.append("Learned prototypes point to ").append(winner.wireName());
    }
    if (!nearest.isEmpty()) {
      PrototypeMatch m = nearest.get(0);
      sb.append(
          String.format(Locale.ROOT, "; nearest prototype %s (%.2f)", m.label(), m.similarity()));
    }
    if (!spans.isEmpty()) {
      sb.append("; evidence on lines ");
      for (int i = 0; i < spans.size(); i++) {
        LineSpan s = spans.get(i);
        sb.append(i == 0 ? "" : ", ").append(s.first());
        if (s.last() > s.first()) {
          sb.append('-').append(s.last());
        }
      }
    }
    if (read.corruption() != null) {
      sb.append("; log damaged: ").append(read.corruption());
    } else if (read.bytesLimitReached()) {
      sb.append("; only the first ").append(read.bytes()).append(" bytes were read");
    }
    return sb.append('.').toString();
  }

  /** Builds a {@link Diagnoser}. */
  public static final class Builder {
    private KnowledgeBase knowledge;
    private ReadLimits limits = ReadLimits.DEFAULT;
    private int maxCandidates = 1000;
    private int evidenceBudget = 20;
    private Calibration calibration = Calibration.DEFAULT;
    private LearnedPrototypes prototypes;
    private double prototypeWeight = 4.0;
    private SignatureHistory history;
    private Duration noveltyWindow = Duration.ofDays(30);
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Sets the rules (default: the built-in patterns). */
    public Builder knowledge(KnowledgeBase knowledge) {
      this.knowledge = Objects.requireNonNull(knowledge, "knowledge");
      return this;
    }

    /** Sets the read limits (default {@link ReadLimits#DEFAULT}). */
    public Builder limits(ReadLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** Sets how many distinct evidence candidates a scan keeps (default 1000, 10..100000). */
    public Builder maxCandidates(int maxCandidates) {
      if (maxCandidates < 10 || maxCandidates > 100_000) {
        throw new IllegalArgumentException("maxCandidates must be within [10, 100000]");
      }
      this.maxCandidates = maxCandidates;
      return this;
    }

    /** Sets how many evidence lines are shown at most (default 20, 1..1000). */
    public Builder evidenceBudget(int lines) {
      if (lines < 1 || lines > 1000) {
        throw new IllegalArgumentException("evidenceBudget must be within [1, 1000]");
      }
      this.evidenceBudget = lines;
      return this;
    }

    /** Sets the confidence calibration. */
    public Builder calibration(Calibration calibration) {
      this.calibration = Objects.requireNonNull(calibration, "calibration");
      return this;
    }

    /**
     * Adds learned prototypes; each of the 3 nearest adds {@code weight x similarity} to its
     * category's score.
     */
    public Builder prototypes(LearnedPrototypes prototypes, double weight) {
      this.prototypes = Objects.requireNonNull(prototypes, "prototypes");
      if (!(weight >= 0 && weight <= 100)) {
        throw new IllegalArgumentException("prototype weight must be within [0, 100]");
      }
      this.prototypeWeight = weight;
      return this;
    }

    /** Remembers signatures to tell new failures; {@code window}: how long one counts as known. */
    public Builder history(SignatureHistory history, Duration window) {
      this.history = Objects.requireNonNull(history, "history");
      this.noveltyWindow = Objects.requireNonNull(window, "window");
      return this;
    }

    /** Sets the clock used for novelty (default UTC system clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Builds the diagnoser; loads the built-in knowledge if none was set. */
    public Diagnoser build() {
      return new Diagnoser(this);
    }
  }
}
