package io.pipelineguard.diagnosis.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportBlocksTest {
  private static Candidate candidate(int line) {
    return new Candidate(line, "t" + line, "header", List.of(), 1.0);
  }

  private static void feed(ReportBlocks blocks, int number, String text, boolean matched) {
    if (text.isEmpty()) {
      return; // blank lines are not fed
    }
    blocks.line(number, text.toCharArray(), text.length(), matched);
  }

  @Test
  void reportGoesOverIndentedAndBlankLinesAndEndsAtTwoPlainLines() {
    ReportBlocks blocks = new ReportBlocks();
    Candidate c = candidate(10);
    blocks.start(c);
    feed(blocks, 11, "    expected 3 but got 4", false);
    feed(blocks, 12, "", false);
    feed(blocks, 13, "\tat some.Frame(Frame.java:1)", false);
    feed(blocks, 14, "second failing case", true); // a rule matched: the listing goes on
    feed(blocks, 15, "    detail", false);
    feed(blocks, 16, "plain output resumes", false);
    feed(blocks, 17, "more plain output", false);
    feed(blocks, 18, "    indented again but the report is over", false);
    assertThat(c.reportEnd()).isEqualTo(15);
  }

  @Test
  void oneUnindentedLineInsideTheReportDoesNotEndIt() {
    ReportBlocks blocks = new ReportBlocks();
    Candidate c = candidate(1);
    blocks.start(c);
    feed(blocks, 2, "name = value", false);
    feed(blocks, 3, "    code line", false);
    feed(blocks, 4, "x", false);
    feed(blocks, 5, "y", false);
    assertThat(c.reportEnd()).isEqualTo(3);
  }

  @Test
  void aFoldMarkerEndsTheReport() {
    ReportBlocks blocks = new ReportBlocks();
    Candidate c = candidate(5);
    blocks.start(c);
    feed(blocks, 6, "  detail", false);
    blocks.boundary();
    feed(blocks, 8, "  next step's indented output", false);
    blocks.end();
    assertThat(c.reportEnd()).isEqualTo(6);
  }

  @Test
  void aOneLineCauseHasNoReport() {
    ReportBlocks blocks = new ReportBlocks();
    Candidate c = candidate(5);
    blocks.start(c);
    feed(blocks, 6, "unrelated output", false);
    feed(blocks, 7, "more unrelated output", false);
    assertThat(c.reportEnd()).isEqualTo(5);
  }

  @Test
  void aReportIsCutAtItsLongestLength() {
    ReportBlocks blocks = new ReportBlocks();
    Candidate c = candidate(1);
    blocks.start(c);
    for (int i = 2; i <= 400; i++) {
      feed(blocks, i, "  frame " + i, false);
    }
    blocks.end();
    assertThat(c.reportEnd()).isEqualTo(ReportBlocks.MAX_LINES);
  }

  @Test
  void reportsOpenAtOnceEndTogetherAndTheLogEndClosesThem() {
    ReportBlocks blocks = new ReportBlocks();
    Candidate a = candidate(1);
    blocks.start(a);
    feed(blocks, 2, "  a detail", false);
    Candidate b = candidate(3);
    blocks.start(b);
    feed(blocks, 4, "  b detail", false);
    blocks.end();
    assertThat(a.reportEnd()).isEqualTo(4);
    assertThat(b.reportEnd()).isEqualTo(4);
  }
}
