import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc times (USER_HZ; 100 on every mainstream Linux build). */
const TICKS_PER_SECOND = 100;

/** The OS thread id of the calling thread (Linux), or null where /proc is unavailable. */
export function currentThreadId(): number | null {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'latin1');
    const tid = Number(stat.slice(0, stat.indexOf(' ')));
    return Number.isInteger(tid) && tid > 0 ? tid : null;
  } catch {
    return null;
  }
}

/**
 * CPU time (user + system) a thread of this process has used, in ms, or null if unknown.
 * Why: on a loaded machine wall time says little about a case; CPU time is what a hang
 * burns and what a slow case costs, whatever else runs beside it.
 */
export function threadCpuMs(tid: number | null = null): number | null {
  try {
    const stat = readFileSync(tid === null ? '/proc/thread-self/stat' : `/proc/self/task/${tid}/stat`, 'latin1');
    // Fields after the parenthesised command name: state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1000) / TICKS_PER_SECOND : null;
  } catch {
    return null;
  }
}
