package io.pipelineguard.bridge.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Adapts picocli's {@link PrintWriter} to the {@link PrintStream} the engine's commands write to,
 * so output goes where the command line was told to send it (tests capture it). Bytes are decoded
 * as UTF-8 line by line, and on every flush.
 */
final class WriterOutputStream extends OutputStream {
  private final PrintWriter writer;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

  private WriterOutputStream(PrintWriter writer) {
    this.writer = writer;
  }

  /** Returns an auto-flushing UTF-8 print stream writing into {@code writer}. */
  static PrintStream printStream(PrintWriter writer) {
    return new PrintStream(new WriterOutputStream(writer), true, StandardCharsets.UTF_8);
  }

  @Override
  public void write(int b) {
    pending.write(b);
    if (b == '\n' || b == '\r') {
      drain();
    }
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    pending.write(bytes, offset, length);
    drain();
  }

  @Override
  public void flush() {
    drain();
    writer.flush();
  }

  private void drain() {
    if (pending.size() > 0) {
      writer.write(pending.toString(StandardCharsets.UTF_8));
      pending.reset();
      writer.flush();
    }
  }
}
