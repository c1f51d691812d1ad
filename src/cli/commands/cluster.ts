import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { clusterStream, parseStreamLine, type Assignment, type ClusterArticle } from '../../core/cluster/index.js';
import { backfillPlacer } from '../cluster-backfill.js';
import { withInstance } from '../instance.js';
import { StorydeskError } from '../../core/model/index.js';

export { clusterStream } from '../../core/cluster/index.js';

/** Options of `storydesk cluster`. */
export interface ClusterCommandOptions {
  input: string;
  output: string;
  /** Also write articles and candidates into the Redis store (a backfill). */
  store?: boolean;
}

/** `storydesk cluster --input stream.jsonl --output predictions.jsonl [--store]`. */
export function register(program: Command): void {
  program
    .command('cluster')
    .description('Cluster a JSON Lines stream of articles {id, title, text, date, lang, outlet} into stories; writes {id, cluster} lines')
    .requiredOption('-i, --input <file>', 'JSON Lines input ("-" for stdin)')
    .requiredOption('-o, --output <file>', 'JSON Lines output ("-" for stdout)')
    .option('--store', 'also write the articles and story candidates into the Redis store (backfill)')
    .action(async (options: ClusterCommandOptions) => {
      try {
        if (options.store) await withInstance(async (instance) => runCluster(options, backfillPlacer(instance)));
        else await runCluster(options);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const code = error instanceof StorydeskError ? error.code : 'internal';
        process.stderr.write(`storydesk cluster: ${message} (${code})\n`);
        process.exitCode = code === 'input_invalid' || code === 'usage' ? 2 : 1;
      }
    });
}

/** Places one article; the default is a fresh in-memory clusterer, `--store` the instance's own. */
export type Placer = (article: ClusterArticle) => Promise<Assignment>;

/**
 * Runs the command: streams input lines through the clusterer into the output file. With a
 * placer (the backfill), each article goes through the instance's clustering writer instead.
 */
export async function runCluster(options: ClusterCommandOptions, place?: Placer): Promise<void> {
  const input = options.input === '-' ? process.stdin : openInput(options.input);
  const total = options.input === '-' ? 0 : statSync(options.input).size;
  const output = options.output === '-' ? process.stdout : createWriteStream(options.output);
  const progress = process.stderr.isTTY ? new Progress(total) : null;
  let bytes = 0;
  async function* lines(): AsyncGenerator<string> {
    for await (const line of createInterface({ input, crlfDelay: Infinity })) {
      bytes += Buffer.byteLength(line) + 1;
      yield line;
    }
  }
  try {
    for await (const prediction of place ? placeEach(lines(), place) : clusterStream(lines())) {
      if (!output.write(JSON.stringify(prediction) + '\n')) await once(output, 'drain');
      progress?.tick(bytes);
    }
  } finally {
    progress?.done();
    if (output !== process.stdout) await new Promise<void>((resolve) => output.end(resolve));
  }
}

async function* placeEach(lines: AsyncIterable<string>, place: Placer): AsyncGenerator<{ id: string; cluster: string }> {
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (!line.trim()) continue;
    const article = parseStreamLine(line, lineNo);
    yield { id: article.id, cluster: (await place(article)).storyId };
  }
}

function openInput(path: string) {
  try {
    statSync(path);
  } catch {
    throw new StorydeskError('input_invalid', `cannot read ${path}`, { permanent: true });
  }
  return createReadStream(path);
}

/** Articles done, rate and time left on one rewritten stderr line, at most a few times a second. */
class Progress {
  private count = 0;
  private readonly started = performance.now();
  private last = 0;

  constructor(private readonly totalBytes: number) {}

  tick(bytes: number): void {
    this.count++;
    const now = performance.now();
    if (now - this.last < 250) return;
    this.last = now;
    const seconds = (now - this.started) / 1000;
    const rate = this.count / Math.max(seconds, 1e-3);
    const left = this.totalBytes > 0 && bytes > 0 ? (seconds * (this.totalBytes - bytes)) / bytes : NaN;
    const eta = Number.isFinite(left) ? `, ${Math.max(0, left).toFixed(0)} s left` : '';
    process.stderr.write(`\r${this.count} articles, ${rate.toFixed(0)}/s${eta}   `);
  }

  done(): void {
    const seconds = (performance.now() - this.started) / 1000;
    process.stderr.write(`\r${this.count} articles in ${seconds.toFixed(1)} s\n`);
  }
}
