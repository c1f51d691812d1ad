import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** CPU and memory of one process, read from /proc (Linux). */
export interface ProcUsage {
  /** user + system CPU seconds so far. */
  cpuSeconds: number;
  /** Peak resident set (VmHWM), MB. */
  peakRssMb: number;
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** Current CPU seconds and peak RSS of a live process; zeros when it is gone. */
export function procUsage(pid: number): ProcUsage {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const hwmKb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return { cpuSeconds, peakRssMb: hwmKb / 1024 };
  } catch {
    return { cpuSeconds: 0, peakRssMb: 0 };
  }
}

/** A storydesk role process started by the bench. */
export interface RoleProcess {
  label: string;
  roles: string;
  child: ChildProcess;
  /** CPU and peak RSS read just before it was stopped. */
  final: ProcUsage | null;
  /** The first 20 kB of its stdout and stderr (warnings, errors). */
  output: string;
  /** SIGTERM, wait for a clean exit (the daemon's own shutdown), remember usage first. */
  stop(): Promise<void>;
}

/**
 * `storydesk start --role <roles>` as a child process, the way an operator runs one role per
 * process. `nodeArgs` lets the bench profile one of them (`--cpu-prof`).
 */
export function startRole(
  repoRoot: string,
  label: string,
  roles: string,
  env: Record<string, string>,
  nodeArgs: string[] = [],
): RoleProcess {
  const main = path.join(repoRoot, 'dist', 'app', 'main.js');
  const child = spawn(process.execPath, [...nodeArgs, main, 'start', '--role', roles], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const proc: RoleProcess = {
    label,
    roles,
    child,
    final: null,
    output: '',
    stop: () =>
      new Promise<void>((done) => {
        proc.final = child.pid ? procUsage(child.pid) : null;
        if (child.exitCode !== null || child.signalCode !== null) return done();
        const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        child.once('exit', () => {
          clearTimeout(killer);
          done();
        });
        child.kill('SIGTERM');
      }),
  };
  const keep = (chunk: Buffer) => {
    if (proc.output.length < 20_000) proc.output += chunk.toString('utf8');
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return proc;
}
