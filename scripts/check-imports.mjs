// The layering rule, checked: src/core imports nothing with I/O and nothing outside core;
// nothing under src/ or workers/ imports the CLI. Prints each violation with its file.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const forbiddenInCore = ['bullmq', 'ioredis', 'pino', 'fastify', 'node:http', 'node:https', 'node:net', 'node:fs', 'node:child_process', 'undici'];
const files = (dir) => readdirSync(dir).flatMap((name) => {
  const path = join(dir, name);
  return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
});
const importsOf = (file) => [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);

const problems = [];
for (const file of files(join(root, 'src/core'))) {
  for (const spec of importsOf(file)) {
    if (forbiddenInCore.some((f) => spec === f || spec.startsWith(`${f}/`))) problems.push(`${relative(root, file)}: core must be pure, imports ${spec}`);
    if (spec.startsWith('.') && !resolve(dirname(file), spec).startsWith(join(root, 'src/core'))) problems.push(`${relative(root, file)}: core imports outside core: ${spec}`);
  }
}
for (const file of [...files(join(root, 'src')), ...files(join(root, 'workers'))]) {
  if (file.startsWith(join(root, 'src/cli'))) continue;
  for (const spec of importsOf(file)) {
    if (spec.startsWith('.') && resolve(dirname(file), spec).startsWith(join(root, 'src/cli'))) problems.push(`${relative(root, file)}: only the CLI composes; do not import ${spec}`);
  }
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('imports: layering ok');
