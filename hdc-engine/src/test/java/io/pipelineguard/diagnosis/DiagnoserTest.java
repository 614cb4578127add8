package io.pipelineguard.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class DiagnoserTest {
  private static final Diagnoser DIAGNOSER = Diagnoser.builder().build();

  private static LogSource text(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return () -> new ByteArrayInputStream(b);
  }

  private static String filler(int lines, String prefix) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < lines; i++) {
      sb.append(prefix).append(" step ").append(i).append(" ok\n");
    }
    return sb.toString();
  }

  private static String mavenCompileLog(String sha, String dir, String time) {
    return filler(30, time + " [INFO] Building module")
        + time
        + " [ERROR] COMPILATION ERROR :\n"
        + time
        + " [ERROR] /"
        + dir
        + "/src/main/java/Foo.java:[12,5] cannot find symbol\n"
        + "  symbol:   class Bar\n"
        + time
        + " [INFO] BUILD FAILURE at "
        + sha
        + "\n"
        + filler(5, "cleanup");
  }

  @Test
  void findsCompilationErrorAndItsLines() throws IOException {
    DiagnosisReport r = DIAGNOSER.diagnose(text(mavenCompileLog("abc1234def", "w/1", "")));
    Diagnosis d = r.diagnosis();
    assertThat(d.category()).isEqualTo(Category.COMPILATION);
    assertThat(d.transientFailure()).isFalse();
    assertThat(d.evidence()).anyMatch(s -> s.contains(32));
    assertThat(d.explanation()).contains("compilation.");
    assertThat(r.lines()).anyMatch(l -> l.text().contains("cannot find symbol"));
  }

  @Test
  void sameFailureInAnotherRunHasSameSignature() throws IOException {
    Diagnosis a =
        DIAGNOSER
            .diagnose(text(mavenCompileLog("abc1234def", "home/ci/ws-17", "2024-01-02T03:04:05Z")))
            .diagnosis();
    Diagnosis b =
        DIAGNOSER
            .diagnose(text(mavenCompileLog("9f8e7d6c5b", "tmp/build-99", "2025-06-07T08:09:10Z")))
            .diagnosis();
    assertThat(a.signature()).isEqualTo(b.signature()).startsWith("compilation/");
  }

  @Test
  void networkFailureIsTransient() throws IOException {
    String log =
        filler(40, "Downloading")
            + "fatal: unable to access 'https://example.org/x.git/': Could not resolve host:"
            + " example.org\n"
            + "The command \"git fetch\" failed and exited with 128\n";
    Diagnosis d = DIAGNOSER.diagnose(text(log)).diagnosis();
    assertThat(d.category()).isEqualTo(Category.NETWORK);
    assertThat(d.transientFailure()).isTrue();
    assertThat(d.evidence()).anyMatch(s -> s.contains(41));
  }

  @Test
  void outOfMemoryIsResource() throws IOException {
    String log = filler(10, "compiling") + "java.lang.OutOfMemoryError: Java heap space\n";
    Diagnosis d = DIAGNOSER.diagnose(text(log)).diagnosis();
    assertThat(d.category()).isEqualTo(Category.RESOURCE);
    assertThat(d.transientFailure()).isTrue();
    assertThat(d.confidence()).isBetween(0.0, 1.0);
  }

  @Test
  void logWithoutSignsIsUnknown() throws IOException {
    Diagnosis d = DIAGNOSER.diagnose(text(filler(50, "all good"))).diagnosis();
    assertThat(d.category()).isEqualTo(Category.UNKNOWN);
    assertThat(d.transientFailure()).isFalse();
  }

  @Test
  void linesAlsoInThePassingLogAreDiscounted() throws IOException {
    String common = "WARNING: connection refused by cache server, continuing\n";
    String fail =
        filler(5, "setup") + common + filler(5, "build") + "error[E0425]: cannot find value\n";
    String pass = filler(5, "setup") + common + filler(5, "build");
    Diagnosis d = DIAGNOSER.diagnose(text(fail), text(pass)).diagnosis();
    assertThat(d.category()).isEqualTo(Category.COMPILATION);
    assertThat(d.evidence()).noneMatch(s -> s.contains(6));
  }

  @Test
  void withAPassingLogEvidenceCoversTheWholeNewBlock() throws IOException {
    String familiarFrames = "\tat org.example.Runner.invoke(Runner.java:7)\n".repeat(3);
    StringBuilder trace = new StringBuilder("java.io.IOException: No space left on device\n");
    for (int i = 0; i < 60; i++) {
      trace.append("\tat org.example.Writer.write").append((char) ('a' + i % 26));
      trace.append("(Writer.java:").append(i).append(")\n");
      if (i == 30) {
        trace.append(familiarFrames); // frames the passing run printed too
      }
    }
    String pass =
        filler(20, "setup") + familiarFrames + filler(20, "build") + "Finished: SUCCESS\n";
    String fail =
        filler(20, "setup")
            + familiarFrames
            + trace
            + "[ERROR] Failed to execute goal generate on project demo\n"
            + "[ERROR] \n"
            + "[ERROR] Re-run with the -e switch for the full stack trace.\n"
            + "Finished: FAILURE\n";
    int traceFirst = 24;
    int traceLast = traceFirst + 60 + 3;
    DiagnosisReport withPass = DIAGNOSER.diagnose(text(fail), text(pass));
    assertThat(withPass.diagnosis().category()).isEqualTo(Category.RESOURCE);
    assertThat(withPass.diagnosis().evidence())
        .anyMatch(s -> s.first() <= traceFirst && s.last() >= traceLast + 3);
    assertThat(withPass.diagnosis().evidence()).noneMatch(s -> s.contains(21)); // familiar lines
    assertThat(withPass.lines()).hasSizeLessThanOrEqualTo(40); // the excerpt stays short

    // without a passing log the trace is still one report, shown whole up to the failure marker
    Diagnosis alone = DIAGNOSER.diagnose(text(fail)).diagnosis();
    assertThat(alone.evidence()).anyMatch(s -> s.contains(traceFirst) && s.contains(traceLast));
    assertThat(alone.evidence().stream().mapToInt(LineSpan::length).sum()).isLessThan(100);
  }

  @Test
  void firstCauseComesWithTheUnindentedDetailsUnderItAndTheMarkerLine() throws IOException {
    String log =
        "$ ./gradlew test\n"
            + filler(150, "Running suite")
            + "Tests run: 9, Failures: 1, Errors: 0, Skipped: 0 <<< FAILURE!\n"
            + "parsesDates(org.example.DateTest)  Time elapsed: 0.01 sec  <<< FAILURE!\n"
            + "java.lang.AssertionError: expected 2024 but was 1970\n"
            + "Expected year of the parsed date\n"
            + filler(150, "Running suite")
            + "The command \"./gradlew test\" exited with 1.\n"
            + "\n"
            + "Done. Your build exited with 1.\n";
    int cause = 152;
    int marker = cause + 4 + 150;
    DiagnosisReport r = DIAGNOSER.diagnose(text(log));
    assertThat(r.diagnosis().category()).isEqualTo(Category.TEST_FAILURE);
    assertThat(r.lines())
        .extracting(EvidenceLine::number)
        .contains(cause, cause + 1, cause + 2, cause + 3, marker);
    assertThat(r.lines()).hasSizeLessThanOrEqualTo(20);
  }

  @Test
  void aFailureReportIsCoveredWholeWhileTheExcerptStaysShort() throws IOException {
    StringBuilder report = new StringBuilder();
    for (int i = 0; i < 60; i++) {
      report.append("\tat org.example.Frame").append(i).append(".call(Frame.java:").append(i);
      report.append(")\n");
    }
    String log =
        "$ ./gradlew test\n"
            + filler(150, "Running suite")
            + "parsesDates(org.example.DateTest)  Time elapsed: 0.01 sec  <<< FAILURE!\n"
            + "java.lang.AssertionError: expected 2024 but was 1970\n"
            + report
            + "\n"
            + filler(150, "Running suite")
            + "The command \"./gradlew test\" exited with 1.\n";
    int cause = 152;
    int reportEnd = cause + 1 + 60;
    DiagnosisReport r = DIAGNOSER.diagnose(text(log));
    assertThat(r.diagnosis().category()).isEqualTo(Category.TEST_FAILURE);
    assertThat(r.diagnosis().evidence())
        .anyMatch(s -> s.contains(cause) && s.contains(reportEnd) && !s.contains(reportEnd + 2));
    assertThat(r.lines()).hasSizeLessThanOrEqualTo(20); // the excerpt, not the whole report
  }

  @Test
  void aLaterStepThatFailsTooShowsItsCauseWithinTheBudget() throws IOException {
    String log =
        "$ make check\n"
            + filler(8, "checking")
            + "FAIL: widget_test (assertion failed: 2 != 3)\n"
            + "The command \"make check\" exited with 2.\n"
            + "$ ./publish.sh\n"
            + filler(5, "publishing")
            + "Exception in thread \"main\" java.lang.IllegalStateException: no target\n"
            + "\tat org.example.Publish.run(Publish.java:12)\n"
            + "\tat org.example.Publish.main(Publish.java:3)\n"
            + "The command \"./publish.sh\" exited with 1.\n"
            + "Done. Your build exited with 1.\n";
    int laterCause = 18;
    int laterMarker = 21;
    DiagnosisReport r = DIAGNOSER.diagnose(text(log));
    List<LineSpan> spans = r.diagnosis().evidence();
    assertThat(spans).anyMatch(s -> s.contains(10)); // the first failure stays
    assertThat(spans).anyMatch(s -> s.contains(laterCause) && s.contains(laterCause + 2));
    assertThat(spans).anyMatch(s -> s.contains(laterMarker));
    int shown = spans.stream().mapToInt(s -> s.last() - s.first() + 1).sum();
    assertThat(shown).isLessThanOrEqualTo(20);
  }

  @Test
  void aLaterFailingStepGetsNothingWhenTheFirstFillsTheBudget() throws IOException {
    StringBuilder report = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      report.append("  case ").append(i).append(" expected 1 got 2\n");
    }
    String log =
        "$ make check\n"
            + "FAIL: widget_test (assertion failed)\n"
            + report
            + "The command \"make check\" exited with 2.\n"
            + "$ ./publish.sh\n"
            + "Exception in thread \"main\" java.lang.IllegalStateException: no target\n"
            + "The command \"./publish.sh\" exited with 1.\n";
    DiagnosisReport r = DIAGNOSER.diagnose(text(log));
    assertThat(r.diagnosis().evidence()).noneMatch(s -> s.contains(35) || s.contains(36));
  }

  @Test
  void aToolsOwnExitStatusInsideTheStepShowsWhatItPrintedJustBefore() throws IOException {
    String log =
        "$ ./check-all.sh\n"
            + filler(120, "preparing")
            + "widget.conf: unknown key 'colour'\n"
            + "checker: command exited with code 2\n"
            + filler(30, "other checks")
            + "The command \"./check-all.sh\" exited with 1.\n";
    int printedBefore = 122;
    int exitLine = 123;
    DiagnosisReport r = DIAGNOSER.diagnose(text(log));
    List<LineSpan> spans = r.diagnosis().evidence();
    assertThat(spans).anyMatch(s -> s.contains(printedBefore) && s.contains(exitLine));
    assertThat(spans).anyMatch(s -> s.contains(154)); // the CI marker stays
  }

  @Test
  void theStepsFirstErrorLevelLineAboveTheFirstCauseIsShownToo() throws IOException {
    String log =
        "$ sbt check\n"
            + filler(150, "[info] compiling")
            + "[error]  * widget.Api#size is missing in the new version\n"
            + "[error]    exclude it with: Filter(widget.Api#size)\n"
            + filler(20, "[info] compiling")
            + "[error] java.lang.RuntimeException: compatibility check failed!\n"
            + "[error] \tat widget.Check.run(Check.scala:10)\n"
            + "[error] Total time: 10 s\n"
            + "The command \"sbt check\" exited with 1.\n";
    int firstError = 152;
    DiagnosisReport r = DIAGNOSER.diagnose(text(log));
    assertThat(r.diagnosis().evidence()).anyMatch(s -> s.contains(firstError));
    assertThat(r.diagnosis().evidence()).anyMatch(s -> s.contains(176)); // the CI marker
  }

  @Test
  void aOneLineCauseIsShownWithLittleAroundIt() throws IOException {
    String log =
        "$ make\n"
            + filler(150, "compiling unit")
            + "src/main.c:12:5: error: unknown type name 'widget'\n"
            + filler(150, "compiling unit")
            + "The command \"make\" exited with 2.\n";
    int cause = 152;
    Diagnosis d = DIAGNOSER.diagnose(text(log)).diagnosis();
    assertThat(d.category()).isEqualTo(Category.COMPILATION);
    LineSpan around =
        d.evidence().stream().filter(s -> s.contains(cause)).findFirst().orElseThrow();
    assertThat(around.length()).isLessThanOrEqualTo(3);
  }

  @Test
  void testRunnersWhoseOutputSoundsLikeGitOrRpcTroubleAreTestFailures() throws IOException {
    String commonTest =
        "$ make ct\n"
            + filler(20, "Testing suite")
            + "cluster_helpers:rpc failed on line 88\n"
            + "Reason: {badmatch,{error,timeout_waiting}}\n"
            + "Testing app.cluster_SUITE: *** FAILED test case 2 of 4 ***\n"
            + "Testing app.cluster_SUITE: TEST COMPLETE, 1 ok, 1 failed, 2 skipped of 4 test cases\n"
            + "The command \"make ct\" exited with 2.\n";
    DiagnosisReport ct = DIAGNOSER.diagnose(text(commonTest));
    assertThat(ct.diagnosis().category()).isEqualTo(Category.TEST_FAILURE);
    assertThat(ct.diagnosis().evidence()).anyMatch(s -> s.contains(22) && s.contains(23));

    String pluginTests =
        "$ test/run\n"
            + "Branch 'feature' set up to track remote branch 'feature' from 'origin'.\n"
            + filler(20, "executing case")
            + "  (41/90) [EXECUTE] (X) Assertion failure\n"
            + "  Success/Total: 89/90\n"
            + "The command \"test/run\" exited with 1.\n";
    assertThat(DIAGNOSER.diagnose(text(pluginTests)).diagnosis().category())
        .isEqualTo(Category.TEST_FAILURE);

    String shellTests =
        "$ ./build.ps1 -Test\n"
            + filler(20, "Describing module")
            + "Expected 3, but got 4.\n"
            + "2 tests in test/unit failed\n"
            + "The command \"./build.ps1 -Test\" exited with 1.\n";
    assertThat(DIAGNOSER.diagnose(text(shellTests)).diagnosis().category())
        .isEqualTo(Category.TEST_FAILURE);
  }

  @Test
  void aLinkerThatFailsWithoutNamingWhyIsWorthARetry() throws IOException {
    String cutShort =
        "$ cargo build\n"
            + filler(20, "Compiling crate")
            + "error: linking with `cc` failed: exit status: 1\n"
            + "  = note: collect2: error: ld returned 1 exit status\n"
            + "ERROR: Job failed: exit code 1\n";
    Diagnosis d = DIAGNOSER.diagnose(text(cutShort)).diagnosis();
    assertThat(d.category()).isEqualTo(Category.COMPILATION);
    assertThat(d.transientFailure()).isTrue();

    String missingSymbol =
        "$ cargo build\n"
            + filler(20, "Compiling crate")
            + "error: linking with `cc` failed: exit status: 1\n"
            + "  = note: main.o: undefined reference to `widget_new'\n"
            + "  = note: collect2: error: ld returned 1 exit status\n"
            + "ERROR: Job failed: exit code 1\n";
    Diagnosis m = DIAGNOSER.diagnose(text(missingSymbol)).diagnosis();
    assertThat(m.category()).isEqualTo(Category.COMPILATION);
    assertThat(m.transientFailure()).isFalse();
  }

  @Test
  void aPanicInsideTheCompilersOwnSourcesIsACompilerCrash() throws IOException {
    String log =
        "$ cargo build\n"
            + filler(20, "Compiling crate")
            + "thread 'rustc' panicked at 'called `Option::unwrap()` on a `None` value', "
            + "/rustc/0123abcd/compiler/rustc_query_system/src/query/plumbing.rs:10:5\n"
            + "error: could not compile `app`\n"
            + "ERROR: Job failed: exit code 1\n";
    Diagnosis d = DIAGNOSER.diagnose(text(log)).diagnosis();
    assertThat(d.category()).isEqualTo(Category.COMPILATION);
    assertThat(d.transientFailure()).isTrue();
    assertThat(d.explanation()).contains("compilation.compiler-panicked");

    String testPanic =
        "$ cargo test\n"
            + "thread 'parser::tests::keeps_comments' panicked at 'assertion failed', "
            + "src/parser.rs:10:5\n"
            + "test parser::tests::keeps_comments ... FAILED\n"
            + "test result: FAILED. 3 passed; 1 failed\n"
            + "ERROR: Job failed: exit code 101\n";
    Diagnosis t = DIAGNOSER.diagnose(text(testPanic)).diagnosis();
    assertThat(t.category()).isEqualTo(Category.TEST_FAILURE);
    assertThat(t.transientFailure()).isFalse();
  }

  @Test
  void aStoreWithoutThePinnedObjectIsADependencyFailure() throws IOException {
    String log =
        "$ make\n"
            + filler(20, "fetching objects")
            + "fail: pkg/store.lua:12: No such hash: 0123456789abcdef0123456789abcdef01234567\n"
            + "make: *** [deps] Error 255\n"
            + "The command \"make\" exited with 2.\n"
            + "$ ./report.sh\n"
            + "curl: (7) Failed to connect to reports.example port 443: Connection refused\n"
            + "Done. Your build exited with 1.\n";
    Diagnosis d = DIAGNOSER.diagnose(text(log)).diagnosis();
    assertThat(d.category()).isEqualTo(Category.DEPENDENCY);
    assertThat(d.evidence()).anyMatch(s -> s.contains(22));
  }

  @Test
  void aCompileErrorInsideADownloadedCrateIsADependencyFailure() throws IOException {
    String inDependency =
        "$ cargo build\n"
            + filler(20, "Compiling crate")
            + "error[E0407]: method `grow` is not a member of trait `Alloc`\n"
            + "   --> /home/ci/.cargo/registry/src/index-0123/slab_alloc-0.5.0/src/lib.rs:139:5\n"
            + "    |\n"
            + "error: could not compile `slab_alloc`\n"
            + "The command \"cargo build\" exited with 101.\n";
    assertThat(DIAGNOSER.diagnose(text(inDependency)).diagnosis().category())
        .isEqualTo(Category.DEPENDENCY);

    String inProject = inDependency.replace("/home/ci/.cargo/registry/src/index-0123/", "/w/");
    assertThat(DIAGNOSER.diagnose(text(inProject)).diagnosis().category())
        .isEqualTo(Category.COMPILATION);
  }

  @Test
  void compilationVotesBecomeDependencyVotesOnlyWithEnoughDownloadedCodeVotes() {
    java.util.Map<Category, Double> scores = new java.util.EnumMap<>(Category.class);
    scores.put(Category.COMPILATION, 8.0);
    Diagnoser.refineCompilation(scores, 3.0);
    assertThat(scores)
        .containsEntry(Category.COMPILATION, 8.0)
        .doesNotContainKey(Category.DEPENDENCY);
    Diagnoser.refineCompilation(scores, 4.0);
    assertThat(scores)
        .containsEntry(Category.DEPENDENCY, 8.0)
        .doesNotContainKey(Category.COMPILATION);
  }

  @Test
  void aLinkCheckersUnreachableLinksAreItsFindingsNotTheNetworkFailing() throws IOException {
    String log =
        "$ ./build-site.sh\n"
            + filler(20, "Rendering page")
            + "Checking 120 external links...\n"
            + "- ./site/a/index.html\n"
            + "  *  External link https://one.example/ failed: response code 0\n"
            + "     the checker could not connect to the server: connection refused\n"
            + "- ./site/b/index.html\n"
            + "  *  External link https://two.example/ failed: response code 0\n"
            + "     SSL connect error while checking, failed to connect to two.example\n"
            + "html-proofer 3.0 | Error: HTML-Proofer found 2 failures!\n"
            + "The command \"./build-site.sh\" exited with 1.\n";
    assertThat(DIAGNOSER.diagnose(text(log)).diagnosis().category())
        .isEqualTo(Category.QUALITY_GATE);

    String noChecker =
        "$ ./fetch-assets.sh\n"
            + filler(20, "Preparing asset")
            + "failed to connect to two.example: connection refused\n"
            + "The command \"./fetch-assets.sh\" exited with 1.\n";
    assertThat(DIAGNOSER.diagnose(text(noChecker)).diagnosis().category())
        .isEqualTo(Category.NETWORK);
  }

  @Test
  void networkVotesBecomeQualityVotesOnlyWithEnoughLinkCheckerVotes() {
    java.util.Map<Category, Double> scores = new java.util.EnumMap<>(Category.class);
    scores.put(Category.NETWORK, 10.0);
    Diagnoser.refineLinkCheck(scores, 2.0);
    assertThat(scores).containsEntry(Category.NETWORK, 10.0);
    scores.put(Category.QUALITY_GATE, 3.0);
    Diagnoser.refineLinkCheck(scores, 3.0);
    assertThat(scores)
        .containsEntry(Category.QUALITY_GATE, 13.0)
        .doesNotContainKey(Category.NETWORK);
  }

  @Test
  void aServerThatCannotBindAnIpv6LoopbackIsNoNameLookupFailure() throws IOException {
    String log =
        "$ ./run-functional-tests\n"
            + filler(20, "functional test")
            + " node0 libevent: getaddrinfo: address family for nodename not supported\n"
            + "AssertionError: node returned a non-zero exit code when stopping\n"
            + "The command \"./run-functional-tests\" exited with 1.\n";
    DiagnosisReport r = DIAGNOSER.diagnose(text(log));
    assertThat(r.ruleHits()).extracting(RuleHit::ruleId).doesNotContain("network.dns");
    assertThat(r.diagnosis().category()).isEqualTo(Category.TEST_FAILURE);

    String lookup =
        log.replace(
            "libevent: getaddrinfo: address family for nodename not supported",
            "getaddrinfo ENOTFOUND registry.example.org");
    assertThat(DIAGNOSER.diagnose(text(lookup)).ruleHits())
        .extracting(RuleHit::ruleId)
        .contains("network.dns");
  }

  @Test
  void aWaitHelperInAStackFrameIsNoSignOfIntermittency() throws IOException {
    String frame =
        "$ ./run-functional-tests\n"
            + filler(20, "functional test")
            + "Traceback (most recent call last):\n"
            + "  File \"/w/test/util.py\", line 214, in wait_until\n"
            + "    if predicate():\n"
            + "AssertionError: node returned a non-zero exit code when stopping\n"
            + "The command \"./run-functional-tests\" exited with 1.\n";
    assertThat(DIAGNOSER.diagnose(text(frame)).diagnosis().category())
        .isEqualTo(Category.TEST_FAILURE);
    String timedOut = frame.replace("in wait_until", "in wait_until: timed out after 60 s");
    assertThat(DIAGNOSER.diagnose(text(timedOut)).ruleHits())
        .extracting(RuleHit::ruleId)
        .contains("flaky.eventually");
  }

  @Test
  void aResultsTableRowMarkedFailedIsAFailingTest() throws IOException {
    String log =
        "$ ./run-functional-tests\n"
            + filler(20, "functional test")
            + "widget_cache.py        | \u2713 Passed  | 3 s\n"
            + "node_shutdown.py       | \u2716 Failed  | 2 s\n"
            + "The command \"./run-functional-tests\" exited with 1.\n";
    DiagnosisReport r = DIAGNOSER.diagnose(text(log));
    assertThat(r.ruleHits()).extracting(RuleHit::ruleId).contains("test.table-row-failed");
    assertThat(r.diagnosis().category()).isEqualTo(Category.TEST_FAILURE);
    String prose = log.replace("| \u2716 Failed  | 2 s", "failed once, then passed");
    assertThat(DIAGNOSER.diagnose(text(prose)).ruleHits())
        .extracting(RuleHit::ruleId)
        .doesNotContain("test.table-row-failed");
  }

  @Test
  void anRPackageCheckFailingInItsTestsIsATestFailureWhateverItDumpsAfter() throws IOException {
    String log =
        "$ R CMD check pkg_1.0.tar.gz\n"
            + filler(30, "* checking something ... OK")
            + "* checking tests ...\n"
            + "  Running 'testthat.R'\n"
            + " ERROR\n"
            + "Running the tests in 'tests/testthat.R' failed.\n"
            + "Last 13 lines of output:\n"
            + "  1. Failure: widgets are named (@test-widgets.R#12)\n"
            + "Status: 1 ERROR, 1 NOTE\n"
            + "$ for f in pkg.Rcheck/*.fail; do cat $f; done\n"
            + filler(3000, "> dumped example code")
            + "R CMD check failed\n";
    DiagnosisReport r = DIAGNOSER.diagnose(text(log));
    assertThat(r.diagnosis().category()).isEqualTo(Category.TEST_FAILURE);
    assertThat(r.lines()).extracting(EvidenceLine::number).contains(35, 36);
  }

  @Test
  void aFailureHeaderShowsTheFailedTestAndItsMessage() throws IOException {
    String log =
        "$ rake test\n"
            + filler(100, "Skipped: widget test needs a display")
            + "Failure:\n"
            + "TestWidget#test_renders_title [test/test_widget.rb:12]:\n"
            + "Expected true to not be truthy.\n"
            + "\n"
            + filler(40, "Skipped: gadget test needs a display")
            + "300 tests, 500 assertions, 1 failures, 0 errors, 140 skips\n"
            + "The command \"rake test\" exited with 1.\n";
    DiagnosisReport r = DIAGNOSER.diagnose(text(log));
    assertThat(r.diagnosis().category()).isEqualTo(Category.TEST_FAILURE);
    assertThat(r.lines()).extracting(EvidenceLine::number).contains(102, 103, 104);
  }

  @Test
  void pytestsFailuresSectionShowsTheFirstFailedTest() throws IOException {
    String log =
        "$ pytest -q\n"
            + filler(50, "collected module")
            + "=================== FAILURES ===================\n"
            + "______________ test_sorted_widgets ______________\n"
            + "    def test_sorted_widgets():\n"
            + ">       assert sort(widgets) == expected\n"
            + filler(300, "SKIPPED [1] widget.py: needs a newer numeric library")
            + "= 1 failed, 900 passed, 300 skipped in 50.0 seconds =\n";
    DiagnosisReport r = DIAGNOSER.diagnose(text(log));
    assertThat(r.diagnosis().category()).isEqualTo(Category.TEST_FAILURE);
    assertThat(r.lines()).extracting(EvidenceLine::number).contains(52, 53, 54, 55);
  }

  @Test
  void aFailedSubtestInsideAFailedTestIsTheFirstCause() throws IOException {
    String log =
        "$ go test ./...\n"
            + filler(20, "=== RUN   TestSorted/case")
            + "--- FAIL: TestSorted (0.02s)\n"
            + filler(60, "    --- PASS: TestSorted/group")
            + "    --- FAIL: TestSorted/Widgets (0.00s)\n"
            + "        sorted_test.go:131: expected 'alpha' before 'beta'\n"
            + filler(60, "    --- PASS: TestSorted/other")
            + "FAIL\n"
            + "The command \"go test ./...\" exited with 1.\n";
    DiagnosisReport r = DIAGNOSER.diagnose(text(log));
    assertThat(r.diagnosis().category()).isEqualTo(Category.TEST_FAILURE);
    assertThat(r.lines()).extracting(EvidenceLine::number).contains(83, 84);
  }

  @Test
  void aTestTreeShowsTheFailedTestWithItsDiff() throws IOException {
    String log =
        "$ stack test\n"
            + filler(150, "  reader:                     OK (0.01s)")
            + "    tables:                                       FAIL (0.06s)\n"
            + "      --- tables.expected\n"
            + "      +++ tables.actual\n"
            + "      +  29 </table>\n"
            + "      -  29 </table\n"
            + filler(150, "  writer:                     OK (0.01s)")
            + "1 out of 300 tests failed (4.03s)\n"
            + "The command \"stack test\" exited with 1.\n";
    DiagnosisReport r = DIAGNOSER.diagnose(text(log));
    assertThat(r.diagnosis().category()).isEqualTo(Category.TEST_FAILURE);
    assertThat(r.lines()).extracting(EvidenceLine::number).contains(152, 153, 154, 155, 156);
  }

  @Test
  void phpUnitsFailureListIsTheFirstCause() throws IOException {
    String log =
        "$ vendor/bin/phpunit\n"
            + filler(150, "...............")
            + "There was 1 failure:\n"
            + "\n"
            + "1) Cart_test::test_total_with_discount\n"
            + "Failed asserting that 90 is identical to 95.\n"
            + "\n"
            + "/w/tests/Cart_test.php:42\n"
            + "\n"
            + "FAILURES!\n"
            + "Tests: 401, Assertions: 1341, Failures: 1.\n"
            + filler(150, "Code coverage line")
            + "The command \"vendor/bin/phpunit\" exited with 1.\n";
    DiagnosisReport r = DIAGNOSER.diagnose(text(log));
    assertThat(r.diagnosis().category()).isEqualTo(Category.TEST_FAILURE);
    assertThat(r.lines()).extracting(EvidenceLine::number).contains(152, 154, 155, 157);
  }

  @Test
  void corruptGzipIsDiagnosedUpToTheDamage() throws IOException {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
      gz.write(
          ("npm ERR! code E404\nnpm ERR! 404 Not Found - GET https://registry.npmjs.org/nope\n"
                  + filler(50_000, "padding"))
              .getBytes(StandardCharsets.UTF_8));
    }
    byte[] cut = Arrays.copyOf(bos.toByteArray(), bos.size() / 2);
    DiagnosisReport r = DIAGNOSER.diagnose(() -> new ByteArrayInputStream(cut));
    assertThat(r.read().corruption()).isNotNull();
    assertThat(r.diagnosis().category()).isEqualTo(Category.DEPENDENCY);
    assertThat(r.diagnosis().explanation()).contains("log damaged");
  }

  @Test
  void binaryGarbageDoesNotThrow() throws IOException {
    byte[] garbage = new byte[200_000];
    new java.util.Random(7).nextBytes(garbage);
    Diagnosis d = DIAGNOSER.diagnose(() -> new ByteArrayInputStream(garbage)).diagnosis();
    assertThat(d.confidence()).isBetween(0.0, 1.0);
  }

  @Test
  void noveltyFollowsSignatureHistory() throws IOException {
    Clock clock = Clock.fixed(Instant.parse("2024-05-01T00:00:00Z"), ZoneOffset.UTC);
    Diagnoser d =
        Diagnoser.builder()
            .history(new InMemorySignatureHistory(100), Duration.ofDays(7))
            .clock(clock)
            .build();
    String log = mavenCompileLog("abc1234def", "w", "");
    assertThat(d.diagnose(text(log)).diagnosis().novel()).isTrue();
    assertThat(d.diagnose(text(log)).diagnosis().novel()).isFalse();
  }

  @Test
  void theFirstFailingStepOutweighsLaterNoise() throws IOException {
    String log =
        "$ ./install-tools.sh\n"
            + filler(20, "installing")
            + "The command \"./install-tools.sh\" exited with 0.\n"
            + "$ make test\n"
            + filler(30, "running")
            + "  1) the parser keeps comments\n"
            + "     AssertionError: expected 3 to equal 4\n"
            + "  12 passing, 1 failing\n"
            + "The command \"make test\" exited with 1.\n"
            + "$ ./upload-report.sh\n"
            + "curl: (7) Failed to connect to reports.example port 443: Connection refused\n"
            + "The command \"./upload-report.sh\" exited with 7.\n"
            + "Done. Your build exited with 1.\n";
    DiagnosisReport r = DIAGNOSER.diagnose(text(log));
    assertThat(r.diagnosis().category()).isEqualTo(Category.TEST_FAILURE);
    int failing = 23 + 30 + 4;
    assertThat(r.lines()).anyMatch(l -> l.number() == failing - 1 && l.text().contains("failing"));
    assertThat(r.lines()).noneMatch(l -> l.text().contains("Connection refused"));
  }

  @Test
  void stepWeightFavoursTheFailingStep() {
    io.pipelineguard.diagnosis.evidence.FailingStep step =
        new io.pipelineguard.diagnosis.evidence.FailingStep();
    char[] start = "$ make".toCharArray();
    step.accept(100, start, start.length, false);
    char[] fail = "The command \"make\" exited with 2.".toCharArray();
    step.accept(200, fail, fail.length, false);
    double inStep = Diagnoser.stepWeight(190, step, 1000);
    double before = Diagnoser.stepWeight(50, step, 1000);
    double after = Diagnoser.stepWeight(300, step, 1000);
    assertThat(inStep).isGreaterThan(before).isGreaterThan(after);
    assertThat(inStep).isCloseTo(1.0, org.assertj.core.api.Assertions.within(0.05));
  }

  @Test
  void aStrongSignFarBeforeTheFailureLosesToAWeakerOneRightBeforeIt() throws IOException {
    String log =
        "$ make all\n"
            + "realpath: invalid option -- 'm'\n" // a harmless usage message; the build goes on
            + filler(2500, "building package")
            + "* Requesting https://pkg.example.org/pkg/widget.sig\n"
            + "* Failure 404 Not Found\n"
            + "make: *** [image] Error 2\n"
            + "The command \"make all\" exited with 2.\n";
    Diagnosis d = DIAGNOSER.diagnose(text(log)).diagnosis();
    assertThat(d.category()).isEqualTo(Category.DEPENDENCY);
    io.pipelineguard.diagnosis.evidence.FailingStep step =
        new io.pipelineguard.diagnosis.evidence.FailingStep();
    char[] fail = "The command \"make\" exited with 2.".toCharArray();
    step.accept(3000, fail, fail.length, false);
    assertThat(Diagnoser.stepWeight(10, step, 3000))
        .isCloseTo(0.25, org.assertj.core.api.Assertions.within(0.01));
  }

  @Test
  void aFailingTestThatTimedOutIsFlaky() throws IOException {
    String log =
        filler(20, "setup")
            + "$ npm test\n"
            + "  widget tests\n"
            + "    1) renders the toolbar:\n"
            + "       Error: timeout of 5000ms exceeded. Make sure the callback gets called.\n"
            + "  12 passing\n"
            + "  1 failing\n"
            + "The command \"npm test\" exited with 1.\n";
    Diagnosis d = DIAGNOSER.diagnose(text(log)).diagnosis();
    assertThat(d.category()).isEqualTo(Category.FLAKY_TEST);
    assertThat(d.transientFailure()).isTrue();
  }

  @Test
  void flakySignsDecideBetweenTheTwoTestCategories() {
    java.util.Map<Category, Double> strong = new java.util.EnumMap<>(Category.class);
    strong.put(Category.TEST_FAILURE, 6.0);
    strong.put(Category.FLAKY_TEST, 2.0);
    strong.put(Category.NETWORK, 7.0);
    Diagnoser.refineTestFailure(strong);
    assertThat(strong).doesNotContainKey(Category.TEST_FAILURE);
    assertThat(strong.get(Category.FLAKY_TEST)).isEqualTo(8.0);
    assertThat(strong.get(Category.NETWORK)).isEqualTo(7.0);

    java.util.Map<Category, Double> weak = new java.util.EnumMap<>(Category.class);
    weak.put(Category.TEST_FAILURE, 6.0);
    weak.put(Category.FLAKY_TEST, 1.0);
    Diagnoser.refineTestFailure(weak);
    assertThat(weak).containsOnlyKeys(Category.TEST_FAILURE);
    assertThat(weak.get(Category.TEST_FAILURE)).isEqualTo(7.0);

    java.util.Map<Category, Double> plain = new java.util.EnumMap<>(Category.class);
    plain.put(Category.FLAKY_TEST, 1.0);
    Diagnoser.refineTestFailure(plain);
    assertThat(plain).containsOnlyKeys(Category.FLAKY_TEST);
  }

  private static String gitlabDiskFull(String executorLine) {
    return "Running with gitlab-runner 16.0.0\n"
        + executorLine
        + "\n"
        + "Getting source from Git repository\n"
        + "cp: cannot write /work/cache/blob.bin: No space left on device\n"
        + "ERROR: Job failed: exit status 1\n";
  }

  @Test
  void aFullDiskIsTransientOnlyWhenTheMachineIsFreshForEachJob() throws IOException {
    Diagnosis fresh =
        DIAGNOSER
            .diagnose(text(gitlabDiskFull("Using Docker executor with image rust:1")))
            .diagnosis();
    Diagnosis kept =
        DIAGNOSER.diagnose(text(gitlabDiskFull("Using Shell executor..."))).diagnosis();
    assertThat(fresh.category()).isEqualTo(Category.RESOURCE);
    assertThat(fresh.transientFailure()).isTrue();
    assertThat(kept.category()).isEqualTo(Category.RESOURCE);
    assertThat(kept.transientFailure()).isFalse();
  }

  @Test
  void aRemoteThatDeniesAnObjectIsNotANetworkFailure() throws IOException {
    String log =
        "$ git lfs pull\n"
            + "[a1] Object does not exist on the server or you don't have permissions to access it\n"
            + "[b2] Object does not exist on the server or you don't have permissions to access it\n"
            + "error: failed to fetch some objects from 'https://example.org/repo.git/info/lfs'\n"
            + "ERROR: Job failed: exit code 1\n";
    Diagnosis d = DIAGNOSER.diagnose(text(log)).diagnosis();
    assertThat(d.category()).isEqualTo(Category.CONFIGURATION);
    assertThat(d.transientFailure()).isFalse();
  }

  @Test
  void filesRewrittenByTheBuildAreAQualityGate() throws IOException {
    String log =
        filler(10, "install")
            + "$ ./scripts/check-generated.sh\n"
            + "regenerating the API reference\n"
            + "diff --git a/docs/api.md b/docs/api.md\n"
            + "--- a/docs/api.md\n"
            + "+++ b/docs/api.md\n"
            + "-| option | meaning |\n"
            + "+| option | what it does |\n"
            + "The command \"./scripts/check-generated.sh\" exited with 1.\n";
    Diagnosis d = DIAGNOSER.diagnose(text(log)).diagnosis();
    assertThat(d.category()).isEqualTo(Category.QUALITY_GATE);
  }
}
