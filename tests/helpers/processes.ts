import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { stringify } from 'yaml';
import type { Outlet } from '../../src/core/model/index.js';
import { freePort, startRedisServer, type RedisServer } from '../../src/adapters/redis/server.js';

/** The repository root (tests/helpers → ../..). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The built CLI; `npm test` builds before vitest runs. */
export const cliPath = join(repoRoot, 'dist/app/main.js');

const execFileAsync = promisify(execFile);

/** What one `storydesk …` command printed and its exit code. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs one `storydesk …` command as a user runs it (the built CLI) and waits for it; a failing exit is a result, not a throw. */
export async function runCli(args: readonly string[], env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn' }): Promise<CliResult> {
  try {
    const { stdout, stderr } = await execFileAsync('node', [cliPath, ...args], { env, maxBuffer: 32 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** How a child process ended. */
export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** One parsed JSON log line of a child process. */
export type LogLine = Record<string, unknown> & { msg?: string; level?: number; time?: string };

/** A `storydesk start --role …` child process with its logs captured. */
export interface StorydeskProcess {
  roles: string;
  pid: number;
  child: ChildProcess;
  /** Every JSON line it wrote on stdout, parsed, in order. */
  logs: LogLine[];
  /** What it wrote on stderr (config errors, crashes). */
  stderr(): string;
  /** Settles when the process has exited. */
  exited: Promise<Exit>;
  /** Resolves with the first log line matching `test` (already written or to come). */
  waitForLog(test: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  /** `kill -9`: no handler runs, nothing is released. */
  kill9(): Promise<Exit>;
  /** SIGTERM and wait for the exit. */
  terminate(): Promise<Exit>;
}

/**
 * The environment of a child storydesk: the given settings on top of a clean base (no
 * inherited REDIS_URL or prefix from the developer's shell).
 */
export function storydeskEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'test' };
  return { ...base, LOG_LEVEL: 'info', HOST_MIN_DELAY_MS: '0', ...settings };
}

/** Spawn `node dist/app/main.js start --role <roles>` with `env` and capture its logs. */
export function spawnStorydesk(roles: string, env: NodeJS.ProcessEnv, extraArgs: string[] = []): StorydeskProcess {
  const child = spawn(process.execPath, [cliPath, 'start', '--role', roles, ...extraArgs], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: LogLine[] = [];
  const waiters: Array<{ test: (line: LogLine) => boolean; done: (line: LogLine) => void }> = [];
  let partial = '';
  let errors = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    for (const text of lines) {
      if (!text.trim()) continue;
      let line: LogLine;
      try {
        line = JSON.parse(text) as LogLine;
      } catch {
        line = { msg: text, unparsed: true };
      }
      logs.push(line);
      for (const waiter of [...waiters]) {
        if (!waiter.test(line)) continue;
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.done(line);
      }
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => void (errors += chunk));
  const exited = new Promise<Exit>((done) => child.once('exit', (code, signal) => done({ code, signal })));

  const waitForLog = (test: (line: LogLine) => boolean, timeoutMs = 30_000) =>
    new Promise<LogLine>((done, fail) => {
      const found = logs.find(test);
      if (found) return done(found);
      const timer = setTimeout(
        () => fail(new Error(`no matching log line from "${roles}" within ${timeoutMs} ms; stderr: ${errors.slice(-500)}`)),
        timeoutMs,
      );
      waiters.push({
        test,
        done: (line) => {
          clearTimeout(timer);
          done(line);
        },
      });
      void exited.then((exit) =>
        fail(new Error(`"${roles}" exited (${JSON.stringify(exit)}) before the log line; stderr: ${errors.slice(-500)}`)),
      );
    });
  const signal = (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    return exited;
  };
  return {
    roles,
    pid: child.pid!,
    child,
    logs,
    stderr: () => errors,
    exited,
    waitForLog,
    kill9: () => signal('SIGKILL'),
    terminate: () => signal('SIGTERM'),
  };
}

/** Resolves once the process logged "storydesk started" (its workers are running). */
export async function started(proc: StorydeskProcess, timeoutMs = 30_000): Promise<StorydeskProcess> {
  await proc.waitForLog((line) => line.msg === 'storydesk started', timeoutMs);
  return proc;
}

/** A temporary directory removed by the returned function. */
export function tempDir(label: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), `storydesk-${label}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Write outlets (e.g. from demoOutlets) as the YAML file STORYDESK_OUTLETS names. */
export function writeOutletsFile(dir: string, outlets: readonly Outlet[]): string {
  const file = join(dir, 'outlets.yaml');
  // Feeds carry their outletId at run time; the file format ties them by nesting instead.
  const plain = outlets.map((outlet) => ({ ...outlet, feeds: outlet.feeds.map(({ outletId: _outletId, ...feed }) => feed) }));
  writeFileSync(file, stringify({ outlets: plain }));
  return file;
}

export { answers, freePort } from '../../src/adapters/redis/server.js';

/** A redis-server the test owns: append-only file on, in its own directory and port. */
export interface PrivateRedis {
  url: string;
  port: number;
  dir: string;
  /** Start (again) on the same port and directory; resolves once it answers. */
  start(): Promise<void>;
  /** SHUTDOWN (the AOF is flushed) and wait for the process to end. */
  shutdown(): Promise<void>;
  /** Stop it for good and remove its directory. */
  destroy(): Promise<void>;
}

/** A private redis-server on a free port with `--appendonly yes`, started. */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const dir = tempDir('fault-redis');
  let server: RedisServer | null = null;
  const start = async () => {
    server = await startRedisServer({ port, dir: dir.path, appendOnly: true });
  };
  const shutdown = async () => {
    await server?.stop();
    server = null;
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir: dir.path,
    start,
    shutdown,
    destroy: async () => {
      await shutdown();
      dir.remove();
    },
  };
}
