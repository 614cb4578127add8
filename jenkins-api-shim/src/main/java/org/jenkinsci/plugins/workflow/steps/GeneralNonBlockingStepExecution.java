// Source: workflow-step-api-plugin GeneralNonBlockingStepExecution.java @ 710.v3e456cc85233
// Subset: used members; run(Block) runs the block inline here, where the real class submits it to
// a cached thread pool
package org.jenkinsci.plugins.workflow.steps;

public abstract class GeneralNonBlockingStepExecution extends StepExecution {
  protected GeneralNonBlockingStepExecution(StepContext context) {
    super(context);
  }

  @FunctionalInterface
  protected interface Block {
    void run() throws Exception;
  }

  protected final void run(Block block) {
    try {
      block.run();
    } catch (Throwable x) {
      getContext().onFailure(x);
    }
  }

  private static final long serialVersionUID = 1L;
}
