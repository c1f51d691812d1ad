/**
 * The demo's candidates as an editor would first see them: suggestions for each demo story
 * (articles fetched and extracted by the pipeline's code, grouped by the demo's story keys),
 * rendered in the story format with the narrative slots still to be written.
 *   npm run bench:suggest-demo [story-key]     # prints the stories; writes bench/results/suggest-demo.txt
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { emptyCandidate } from '../src/adapters/store/story-updater.js';
import { candidateToDocument, MAX_SUGGESTION_ARTICLES, refreshSuggestions, renderStory, suggestStory } from '../src/core/story/index.js';
import { DEMO_STORY_KEYS } from '../src/demo/index.js';
import { demoStories } from './suggest/demo-articles.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');

async function main(): Promise<void> {
  const only = process.argv[2];
  const { outlets, stories } = await demoStories();
  const out: string[] = [];
  for (const key of DEMO_STORY_KEYS) {
    if (only && key !== only) continue;
    const articles = (stories.get(key) ?? []).slice(-MAX_SUGGESTION_ARTICLES);
    const at = '2026-11-20T12:00:00.000Z';
    const suggestion = suggestStory(articles, outlets);
    const candidate = refreshSuggestions({ ...emptyCandidate(key, at), articleIds: articles.map((a) => a.id) }, suggestion, at);
    const slots = suggestion.narratives.map((s) => `  [${s.label} / ${s.outletId}] ${s.excerpts.join(' | ')}`).join('\n');
    out.push(
      `=== ${key} (${articles.length} articles)\n${renderStory(candidateToDocument(candidate, suggestion, outlets))}\n--- slot excerpts\n${slots}\n`,
    );
  }
  const text = out.join('\n');
  console.log(text);
  mkdirSync(path.join(repoRoot, 'bench', 'results'), { recursive: true });
  writeFileSync(path.join(repoRoot, 'bench', 'results', 'suggest-demo.txt'), text);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
