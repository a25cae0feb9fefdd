import type { ChildProcess } from 'node:child_process';

/**
 * A stack started as a child in a process group of its own (the browser tests' and bench:console's): the child and
 * whatever it started are stopped together, and killed if this process exits without stopping them. No test-runner
 * imports here, so a bench can use it too.
 */
/** The child process and its group: killed together, and killed if this worker exits without stopping it. */
export class ProcessGroup {
  exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private readonly exited: Promise<void>;
  private readonly killOnExit = () => this.signal('SIGKILL');

  constructor(private readonly child: ChildProcess) {
    this.exited = new Promise((resolveExit) => {
      child.once('exit', (code, signal) => {
        this.exit = { code, signal };
        resolveExit();
      });
      child.once('error', (error) => {
        this.exit = { code: null, signal: null };
        console.error(`the stack process failed to start: ${error.message}`);
        resolveExit();
      });
    });
    process.once('exit', this.killOnExit);
  }

  describeExit(): string {
    return this.exit ? `the stack exited (code ${this.exit.code}, signal ${this.exit.signal})` : 'the stack is running';
  }

  async stop(graceMs: number): Promise<void> {
    process.off('exit', this.killOnExit);
    if (!this.exit) {
      this.signal('SIGTERM');
      await Promise.race([this.exited, sleep(graceMs)]);
    }
    // The leader if it did not stop in time, and whatever it started and left behind: the whole group.
    this.signal('SIGKILL');
    await Promise.race([this.exited, sleep(graceMs)]);
  }

  private signal(signal: NodeJS.Signals): void {
    if (this.child.pid === undefined) return;
    try {
      process.kill(-this.child.pid, signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
  }
}

/** Waits until `url` answers 200, failing early if the child exits and after `timeoutMs` with the last answer. */
export async function waitForHealth(url: string, group: ProcessGroup, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (group.exit) throw new Error(`${group.describeExit()} before ${url} answered 200`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      const body = await response.text();
      if (response.status === 200) return;
      last = `${response.status} ${body}`;
    } catch (error) {
      last = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    }
    await sleep(250);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s (last: ${last})`);
}

const sleep = (ms: number) => new Promise<void>((resolveSleep) => setTimeout(resolveSleep, ms).unref());
