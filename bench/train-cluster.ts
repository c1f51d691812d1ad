/**
 * `npm run train:cluster`: trains the clusterer's linking model on every labelled dev stream
 * (bench/cluster-data.ts) and writes src/core/cluster/link-model.json. Deterministic: the same
 * corpora give the same bytes. bench:cluster reports the model only on stories it was not
 * trained on (cross-validation by story, and across datasets).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { trainLinkModel } from '../src/core/cluster/training.js';
import { devStreams, repoRoot, TRAINING_DATASETS } from './cluster-data.js';

const streams = devStreams().filter((s) => TRAINING_DATASETS.includes(s.dataset) && s.train !== false);
const model = trainLinkModel(streams.map((s) => ({ name: s.name, dataset: s.dataset, articles: s.training ?? s.articles })));
const path = resolve(repoRoot, 'src/core/cluster/link-model.json');
writeFileSync(path, formatted(model));
console.log(`wrote src/core/cluster/link-model.json`);
console.log(JSON.stringify({ rank: model.rank, join: model.join }));

/**
 * JSON as `npm run format` (Biome) leaves it, so the committed file is exactly what this command
 * writes: two-space indent, and an array of numbers on one line when the line fits in 140 columns.
 */
function formatted(value: unknown): string {
  return (
    JSON.stringify(value, null, 2).replace(
      /^( *)(.*)\[\n((?: *-?[\d.e+-]+,?\n)+) *\]/gm,
      (whole, indent: string, head: string, items: string) => {
        const line = `${indent}${head}[${items
          .trim()
          .split(/,?\n */)
          .join(', ')}]`;
        return line.length <= 140 ? line : whole;
      },
    ) + '\n'
  );
}
