import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';

/**
 * A child process in a process group of its own (detached), its output appended to a log file. Stopping signals the
 * whole group, so nothing it started outlives the benchmark; `exited` says whether it has died on its own.
 */
export interface GroupProcess {
  name: string;
  pid: number;
  logFile: string;
  /** Set once the process has exited, with how. */
  exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  /** SIGTERM to the group, SIGKILL after `graceMs`; resolves once the process has exited. */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL to the group, synchronously (for process 'exit', where nothing can be awaited). */
  killNow(): void;
}

export function spawnGroup(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, logFile: string, cwd: string): GroupProcess {
  const fd = openSync(logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', fd, fd] });
  } finally {
    closeSync(fd);
  }
  if (child.pid === undefined) throw new Error(`${name} did not start (${command} ${args.join(' ')})`);
  const pid = child.pid;
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const handle: GroupProcess = {
    name,
    pid,
    logFile,
    exited: undefined,
    async stop(graceMs = 5_000) {
      if (handle.exited) return signalGroup(pid, 'SIGKILL'); // its children, if any are left
      signalGroup(pid, 'SIGTERM');
      const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), graceMs);
      await exit;
      clearTimeout(timer);
      signalGroup(pid, 'SIGKILL');
    },
    killNow() {
      signalGroup(pid, 'SIGKILL');
    },
  };
  child.once('exit', (code, signal) => {
    handle.exited = { code, signal };
  });
  return handle;
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/** Resident memory of a process in MB (VmRSS, kB / 1024), or undefined once it is gone. */
export function residentMb(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * CPU time a process has used so far (user + system), in ms, from /proc/<pid>/stat; undefined once it is gone. The
 * kernel counts in USER_HZ ticks, 100 a second on Linux whatever the kernel's own tick rate.
 */
export function cpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces, so is skipped by its closing parenthesis): state is
    // field 3, utime 14 and stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** Samples a process's RSS every `intervalMs` and keeps the largest seen. */
export function rssSampler(pid: number, intervalMs = 200) {
  let max = 0;
  const sample = () => {
    const mb = residentMb(pid);
    if (mb !== undefined && mb > max) max = mb;
    return mb;
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    sample,
    get maxMb() {
      return max;
    },
    stop() {
      clearInterval(timer);
    },
  };
}

/** The last `lines` lines of a log file, for the message of a failed run. */
export function tail(file: string, lines = 20): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Polls `url` until it answers 200, failing early if `child` has exited. */
export async function waitForHealthy(url: string, child: GroupProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  for (;;) {
    if (child.exited) throw new Error(`${child.name} exited (${JSON.stringify(child.exited)}) before ${url} answered; its log:\n${tail(child.logFile)}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    if (Date.now() > deadline) throw new Error(`${url} not healthy after ${timeoutMs} ms (${last}); ${child.name}'s log:\n${tail(child.logFile)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
