package io.pipelineguard.diagnosis.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class LogLineReaderTest {
  private static List<String> read(byte[] bytes, ReadLimits limits) throws IOException {
    List<String> lines = new ArrayList<>();
    LogLineReader.read(
        new ByteArrayInputStream(bytes),
        limits,
        (n, c, len, t) -> lines.add(new String(c, 0, len)));
    return lines;
  }

  private static List<String> bufferedReaderLines(String text) throws IOException {
    List<String> out = new ArrayList<>();
    BufferedReader r = new BufferedReader(new StringReader(text));
    String l;
    while ((l = r.readLine()) != null) {
      out.add(l);
    }
    return out;
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
      gz.write(data);
    }
    return bos.toByteArray();
  }

  @Test
  void countsLinesExactlyAsBufferedReader() throws IOException {
    for (String text :
        List.of("", "a", "a\n", "a\r\nb", "a\rb\r", "\r\n\r\n", "x\r\r\ny\n\nz", "\n", "a\r")) {
      assertThat(read(text.getBytes(StandardCharsets.UTF_8), ReadLimits.DEFAULT))
          .as("text %s", text.replace("\r", "\\r").replace("\n", "\\n"))
          .isEqualTo(bufferedReaderLines(text));
    }
  }

  @Test
  void randomTerminatorsAcrossChunkBoundariesMatchBufferedReader() throws IOException {
    Random random = new Random(42);
    StringBuilder sb = new StringBuilder();
    String[] pieces = {"\r", "\n", "\r\n", "abc", "é", "x"};
    for (int i = 0; i < 200_000; i++) {
      sb.append(pieces[random.nextInt(pieces.length)]);
    }
    String text = sb.toString();
    assertThat(read(text.getBytes(StandardCharsets.UTF_8), ReadLimits.DEFAULT))
        .isEqualTo(bufferedReaderLines(text));
  }

  @Test
  void readsGzipTransparently() throws IOException {
    byte[] plain = "one\ntwo\r\nthree".getBytes(StandardCharsets.UTF_8);
    assertThat(read(gzip(plain), ReadLimits.DEFAULT)).containsExactly("one", "two", "three");
  }

  @Test
  void cutsHugeLineButKeepsCounting() throws IOException {
    char[] big = new char[10 * 1024 * 1024];
    Arrays.fill(big, 'x');
    String text = "first\n" + new String(big) + "\nlast\n";
    List<Integer> lengths = new ArrayList<>();
    List<Boolean> truncated = new ArrayList<>();
    ReadResult result =
        LogLineReader.read(
            new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)),
            ReadLimits.DEFAULT,
            (n, c, len, t) -> {
              lengths.add(len);
              truncated.add(t);
            });
    assertThat(result.lines()).isEqualTo(3);
    assertThat(lengths).containsExactly(5, 4096, 4);
    assertThat(truncated).containsExactly(false, true, false);
    assertThat(result.truncatedLines()).isEqualTo(1);
  }

  @Test
  void cutLineKeepsItsEnd() throws IOException {
    String middle = "m".repeat(3 * 4096);
    String text = "head " + middle + " the process was ended by signal 9\nnext\n";
    List<String> lines = read(text.getBytes(StandardCharsets.US_ASCII), ReadLimits.DEFAULT);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).hasSize(4096).startsWith("head mmm").contains(" ... ");
    assertThat(lines.get(0)).endsWith("m the process was ended by signal 9");
    assertThat(lines.get(1)).isEqualTo("next");
  }

  @Test
  void slightlyTooLongLineKeepsItsLastCharactersInOrder() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; sb.length() < 70; i++) {
      sb.append((char) ('a' + i % 26));
    }
    String line = sb.toString();
    List<String> lines =
        read((line + "\n").getBytes(StandardCharsets.US_ASCII), new ReadLimits(64, 1 << 20));
    assertThat(lines.get(0)).hasSize(64).startsWith(line.substring(0, 43)).contains(" ... ");
    assertThat(lines.get(0)).endsWith(line.substring(line.length() - 16));
  }

  @Test
  void truncatedGzipDeliversLinesBeforeTheDamage() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      sb.append("line ").append(i).append('\n');
    }
    byte[] gz = gzip(sb.toString().getBytes(StandardCharsets.US_ASCII));
    byte[] cut = Arrays.copyOf(gz, gz.length / 2);
    List<String> lines = new ArrayList<>();
    ReadResult r =
        LogLineReader.read(
            new ByteArrayInputStream(cut),
            ReadLimits.DEFAULT,
            (n, c, len, t) -> lines.add(new String(c, 0, len)));
    assertThat(r.corruption()).isNotNull();
    assertThat(r.complete()).isFalse();
    assertThat(lines).isNotEmpty().startsWith("line 0", "line 1");
  }

  @Test
  void stopsAtByteLimit() throws IOException {
    byte[] data = "aaaa\nbbbb\ncccc\n".getBytes(StandardCharsets.US_ASCII);
    ReadResult r =
        LogLineReader.read(
            new ByteArrayInputStream(data), new ReadLimits(16, 7), (n, c, l, t) -> {});
    assertThat(r.bytesLimitReached()).isTrue();
    assertThat(r.bytes()).isEqualTo(7);
    assertThat(r.lines()).isEqualTo(2);
  }

  @Test
  void malformedUtf8IsReplacedNotFatal() throws IOException {
    byte[] data = {'o', 'k', '\n', (byte) 0xff, (byte) 0xfe, 'x', '\n'};
    InputStream in = new ByteArrayInputStream(data);
    List<String> lines = new ArrayList<>();
    ReadResult r =
        LogLineReader.read(in, ReadLimits.DEFAULT, (n, c, l, t) -> lines.add(new String(c, 0, l)));
    assertThat(r.complete()).isTrue();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).endsWith("x");
  }
}
