/**
 * Summarise a V8 .cpuprofile (from `node --cpu-prof`): self time per function and per
 * source file, highest first. `node dist/bench/pipeline/profile-summary.js <file> [top]`.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self milliseconds by function and by file, and the total sampled. */
export function summariseProfile(profile: Profile): {
  totalMs: number;
  byFunction: Array<[string, number]>;
  byFile: Array<[string, number]>;
} {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const fn = new Map<string, number>();
  const file = new Map<string, number>();
  let total = 0;
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)!.callFrame;
    const where = shorten(frame.url);
    const name = `${frame.functionName || '(anonymous)'} ${where}:${frame.lineNumber + 1}`;
    fn.set(name, (fn.get(name) ?? 0) + us / 1000);
    file.set(where || frame.functionName, (file.get(where || frame.functionName) ?? 0) + us / 1000);
    total += us / 1000;
  }
  const sorted = (m: Map<string, number>) => [...m.entries()].sort(([, a], [, b]) => b - a);
  return { totalMs: total, byFunction: sorted(fn), byFile: sorted(file) };
}

/** Paths inside the repo or node_modules, without this machine's prefix. */
function shorten(url: string): string {
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) return url.slice(nm);
  const dist = url.indexOf('/dist/');
  if (dist >= 0) return url.slice(dist + 6);
  return url.replace(/^file:\/\//, '').replace(/^node:/, 'node:');
}

if (process.argv[1]?.endsWith('profile-summary.js')) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: profile-summary <file.cpuprofile> [top]\n');
    process.exit(2);
  }
  const top = Number(process.argv[3] ?? 25);
  const { totalMs, byFunction, byFile } = summariseProfile(JSON.parse(readFileSync(file, 'utf8')) as Profile);
  const pct = (ms: number) => `${((100 * ms) / totalMs).toFixed(1).padStart(5)}%`;
  process.stdout.write(`sampled ${(totalMs / 1000).toFixed(1)} s\n\nself time by file:\n`);
  for (const [name, ms] of byFile.slice(0, top)) process.stdout.write(`  ${pct(ms)}  ${name}\n`);
  process.stdout.write('\nself time by function:\n');
  for (const [name, ms] of byFunction.slice(0, top)) process.stdout.write(`  ${pct(ms)}  ${name}\n`);
}
