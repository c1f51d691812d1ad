/**
 * Benchmark of suggested facts and narrative slots on the AllSides development events
 * (../shared/corpora/clustering/allsides.dev.jsonl, grouped by event): runs the code of
 * `storydesk suggest` and the lead-sentence baseline (the first sentence of each outlet's
 * text), scores both with that corpus's own score-suggest.mjs (ROUGE-1 of the facts against
 * the editors' neutral summaries, and groups with two or more slots), side by side.
 *   npm run bench:suggest            # writes bench/results/suggest.json
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSuggestInput, splitSentences, suggestGroups, type StreamArticle, type SuggestLine } from '../src/core/story/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const corpusDir = path.resolve(repoRoot, '../shared/corpora/clustering');
const streamPath = path.join(corpusDir, 'allsides.dev.jsonl');
const storiesPath = path.join(corpusDir, 'allsides.dev.stories.jsonl');
const scorer = path.join(corpusDir, 'score-suggest.mjs');

interface Score {
  line: string;
  groups: number;
  withSlots: number;
  p: number;
  r: number;
  f1: number;
}

/** Run score-suggest.mjs on suggestions and read its one-line verdict. */
function score(lines: object[], dir: string, name: string): Score {
  const file = path.join(dir, `${name}.jsonl`);
  writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  const run = spawnSync(process.execPath, [scorer, storiesPath, file], { encoding: 'utf8' });
  const line = run.stdout.trim();
  const m = /suggest: (\d+)\/\d+ groups, \d+ with facts, (\d+) with >= 2 slots; .* P ([\d.]+) R ([\d.]+) F1 ([\d.]+)/.exec(line);
  if (!m) throw new Error(`score-suggest.mjs gave no score: ${line || run.stderr.trim()}`);
  return { line, groups: Number(m[1]), withSlots: Number(m[2]), p: Number(m[3]), r: Number(m[4]), f1: Number(m[5]) };
}

/** The peer: the first sentence of each outlet's text, one slot per outlet with nothing in it. */
function leadBaseline(input: StreamArticle[]): object[] {
  const groups = new Map<string, StreamArticle[]>();
  for (const a of input) groups.set(a.cluster, [...(groups.get(a.cluster) ?? []), a]);
  return [...groups.entries()].map(([cluster, articles]) => ({
    cluster,
    facts: articles.map((a) => ({ text: splitSentences(a.text)[0]?.text ?? '', outlets: [a.outlet] })),
    narratives: [],
  }));
}

function main(): void {
  const input = parseSuggestInput(readFileSync(streamPath, 'utf8'));
  const started = performance.now();
  const ours: SuggestLine[] = suggestGroups(input);
  const ms = performance.now() - started;
  const dir = mkdtempSync(path.join(tmpdir(), 'storydesk-bench-suggest-'));
  try {
    const mine = score(ours, dir, 'storydesk');
    const lead = score(leadBaseline(input), dir, 'lead');
    const facts = ours.reduce((n, g) => n + g.facts.length, 0);
    const slots = ours.reduce((n, g) => n + g.narratives.length, 0);
    const predictions = ours.reduce((n, g) => n + g.predictions.length, 0);
    console.log(`suggest benchmark: ${input.length} articles in ${ours.length} events from ${path.relative(repoRoot, streamPath)}`);
    console.log('                 ROUGE-1 P   R      F1     groups with >= 2 slots');
    console.log(`storydesk        ${mine.p.toFixed(3)}   ${mine.r.toFixed(3)}  ${mine.f1.toFixed(3)}  ${mine.withSlots}/${mine.groups}`);
    console.log(`lead baseline    ${lead.p.toFixed(3)}   ${lead.r.toFixed(3)}  ${lead.f1.toFixed(3)}  ${lead.withSlots}/${lead.groups}`);
    console.log(`goal: F1 >= 0.40 and every group with >= 2 slots; storydesk ${mine.f1 >= 0.4 && mine.withSlots === mine.groups ? 'meets' : 'does not meet'} it`);
    console.log(`per group: ${(facts / ours.length).toFixed(1)} facts, ${(slots / ours.length).toFixed(1)} slots, ${(predictions / ours.length).toFixed(1)} predictions; ${ms.toFixed(0)} ms in all`);
    console.log(`scorer (storydesk): ${mine.line}`);
    const summary = {
      corpus: path.relative(repoRoot, streamPath),
      events: ours.length,
      articles: input.length,
      storydesk: { precision: mine.p, recall: mine.r, f1: mine.f1, groupsWithTwoSlots: mine.withSlots, groups: mine.groups },
      leadBaseline: { precision: lead.p, recall: lead.r, f1: lead.f1, groupsWithTwoSlots: lead.withSlots, groups: lead.groups },
      perGroup: { facts: facts / ours.length, slots: slots / ours.length, predictions: predictions / ours.length },
      goal: { f1: 0.4, everyGroupTwoSlots: true },
      milliseconds: Math.round(ms),
    };
    mkdirSync(path.join(repoRoot, 'bench', 'results'), { recursive: true });
    writeFileSync(path.join(repoRoot, 'bench', 'results', 'suggest.json'), JSON.stringify(summary, null, 2) + '\n');
    console.log('written bench/results/suggest.json');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
