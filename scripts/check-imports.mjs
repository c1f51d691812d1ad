// The layering rule, checked. Every TypeScript file of the product belongs to one part (a
// folder below); a part imports only the parts listed for it, so the parts form no cycle
// (checked below too). src/core also imports nothing with I/O. Prints each violation with
// its file and exits 1.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');

/** Each part and the parts it may import; the composition root app/ is the only one that sees workers/. */
const ALLOWED = {
  'src/core': [],
  'src/adapters': ['src/core'],
  'src/demo': ['src/core'],
  'src/fuzz': ['src/core', 'src/demo'],
  'src/web': ['src/core', 'src/adapters'],
  workers: ['src/core', 'src/adapters'],
  'src/cli': ['src/core', 'src/adapters', 'src/web', 'src/demo'],
  app: ['src/core', 'src/adapters', 'src/web', 'src/cli', 'workers'],
};
/** Packages and Node modules with I/O that the pure core must not import. */
const FORBIDDEN_IN_CORE = [
  'bullmq',
  'ioredis',
  'pino',
  'fastify',
  'node:http',
  'node:https',
  'node:net',
  'node:fs',
  'node:child_process',
  'undici',
];

const files = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
const importsOf = (file) =>
  [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
/** The part a path belongs to: the longest listed folder that contains it, or null. */
const partOf = (path) => {
  const rel = relative(root, path).split(sep).join('/');
  return (
    Object.keys(ALLOWED)
      .filter((part) => rel === part || rel.startsWith(`${part}/`))
      .sort((a, b) => b.length - a.length)[0] ?? null
  );
};

const problems = [];
for (const file of [...files(join(root, 'src')), ...files(join(root, 'workers')), ...files(join(root, 'app'))]) {
  if (partOf(file) === null)
    problems.push(`${relative(root, file)}: belongs to no part; add its folder to ALLOWED in scripts/check-imports.mjs`);
}
for (const part of Object.keys(ALLOWED)) {
  for (const file of files(join(root, part))) {
    if (partOf(file) !== part) continue; // a file of a more specific part is checked there
    for (const spec of importsOf(file)) {
      if (part === 'src/core' && FORBIDDEN_IN_CORE.some((f) => spec === f || spec.startsWith(`${f}/`))) {
        problems.push(`${relative(root, file)}: core must be pure, imports ${spec}`);
      }
      if (!spec.startsWith('.')) continue;
      const target = partOf(resolve(dirname(file), spec));
      if (target === null) problems.push(`${relative(root, file)}: imports ${spec}, outside every part of the product`);
      else if (target !== part && !ALLOWED[part].includes(target)) {
        problems.push(
          `${relative(root, file)}: ${part} may not import ${target} (${spec}); allowed: ${ALLOWED[part].join(', ') || 'nothing outside itself'}`,
        );
      }
    }
  }
}

// The table itself must have no cycle, or "imports point one way" would not hold.
const visiting = new Set();
const done = new Set();
const visit = (part, path) => {
  if (done.has(part)) return;
  if (visiting.has(part)) {
    problems.push(`scripts/check-imports.mjs: the allowed imports form a cycle: ${[...path, part].join(' → ')}`);
    return;
  }
  visiting.add(part);
  for (const next of ALLOWED[part]) visit(next, [...path, part]);
  visiting.delete(part);
  done.add(part);
};
for (const part of Object.keys(ALLOWED)) visit(part, []);

if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`imports: layering ok (${Object.keys(ALLOWED).length} parts, no cycle)`);
