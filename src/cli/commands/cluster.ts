import { createReadStream, createWriteStream, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { clusterStream, parseLinkModel, readLine, type Assignment, type ClusterArticle, type LinkModel } from '../../core/cluster/index.js';
import { trainLinkModel, type LabelledArticle } from '../../core/cluster/training.js';
import { backfillPlacer } from '../cluster-backfill.js';
import { withInstance } from '../instance.js';
import { inputProblems } from '../input-problems.js';
import { skipOnProblem, StorydeskError, type ProblemHandler } from '../../core/model/index.js';

export { clusterStream } from '../../core/cluster/index.js';

/** Options of `storydesk cluster`. */
export interface ClusterCommandOptions {
  input: string;
  output: string;
  /** Also write articles and candidates into the Redis store (a backfill). */
  store?: boolean;
  /** Learn a linking model from the labelled input (lines need `cluster`) and write it to the output. */
  train?: boolean;
  /** Cluster with this model (a file written by --train) instead of the committed one. */
  model?: string;
  /** Stop at the first bad line (exit 2) instead of reporting it and going on. */
  strict?: boolean;
  /** Where bad lines are reported (the run goes on); without it the first bad line throws. */
  onProblem?: ProblemHandler;
}

/** `storydesk cluster --input stream.jsonl --output predictions.jsonl [--store]`. */
export function register(program: Command): void {
  program
    .command('cluster')
    .description('Cluster a JSON Lines stream of articles {id, title, text, date, lang, outlet} into stories; writes {id, cluster} lines')
    .requiredOption('-i, --input <file>', 'JSON Lines input ("-" for stdin)')
    .requiredOption('-o, --output <file>', 'JSON Lines output ("-" for stdout)')
    .option('--store', 'also write the articles and story candidates into the Redis store (backfill)')
    .option('--train', 'learn a linking model from the labelled input (each line with its "cluster") and write it, as JSON, to the output')
    .option('--model <file>', 'cluster with this model (written by --train) instead of the committed one')
    .option('--strict', 'stop at the first bad line (exit 2) instead of reporting it on stderr and going on')
    .action(async (options: ClusterCommandOptions) => {
      const problems = inputProblems('cluster', options.strict);
      options = { ...options, onProblem: problems.handler };
      try {
        if ((options.train || options.model) && options.store)
          throw new StorydeskError('usage', '--train and --model do not go with --store (the instance clusters with its own model)');
        if (options.train && options.model)
          throw new StorydeskError('usage', '--train writes a model; --model reads one: give one of them');
        if (options.train) await runTrain(options);
        else if (options.store) await withInstance(async (instance) => runCluster(options, backfillPlacer(instance)));
        else await runCluster(options);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const code = error instanceof StorydeskError ? error.code : 'internal';
        process.stderr.write(`storydesk cluster: ${message} (${code})\n`);
        process.exitCode = code === 'input_invalid' || code === 'usage' || code === 'cluster_model_invalid' ? 2 : 1;
      }
      problems.summarise();
    });
}

/** Places one article; the default is a fresh in-memory clusterer, `--store` the instance's own. */
export type Placer = (article: ClusterArticle) => Promise<Assignment>;

/**
 * Runs the command: streams input lines through the clusterer into the output file. With a
 * placer (the backfill), each article goes through the instance's clustering writer instead.
 */
export async function runCluster(options: ClusterCommandOptions, place?: Placer): Promise<void> {
  const model = options.model ? readModel(options.model) : undefined;
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
    const predictions = place
      ? placeEach(lines(), place, options.onProblem)
      : clusterStream(lines(), { ...(model ? { clusterOptions: { model } } : {}), onProblem: options.onProblem });
    for await (const prediction of predictions) {
      if (!output.write(JSON.stringify(prediction) + '\n')) await once(output, 'drain');
      progress?.tick(bytes);
    }
  } finally {
    progress?.done();
    if (output !== process.stdout) await new Promise<void>((resolve) => output.end(resolve));
  }
}

/**
 * `storydesk cluster --train`: reads a labelled stream ({id, title, text, date, lang, outlet,
 * cluster} per line, in stream order), learns the linking model from it as `npm run
 * train:cluster` does from the dev streams, and writes the model JSON.
 */
export async function runTrain(options: ClusterCommandOptions): Promise<void> {
  const input = options.input === '-' ? process.stdin : openInput(options.input);
  const articles: LabelledArticle[] = [];
  let lineNo = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    lineNo++;
    const article = readLine(line, lineNo, options.onProblem);
    const labelled = article && skipOnProblem(() => withLabel(article, line, lineNo), options.onProblem);
    if (labelled) articles.push(labelled);
  }
  if (new Set(articles.map((a) => a.cluster)).size < 2) {
    throw new StorydeskError('input_invalid', 'training needs at least two labelled stories', { permanent: true });
  }
  const name = options.input === '-' ? 'stdin' : basename(options.input);
  const json = JSON.stringify(trainLinkModel([{ name, articles }]), null, 2) + '\n';
  if (options.output === '-') process.stdout.write(json);
  else writeFileSync(options.output, json);
}

/** An article with the story its line names (training needs each article's story). */
function withLabel(article: ClusterArticle, line: string, lineNo: number): LabelledArticle {
  const cluster = (JSON.parse(line.replace(/^\uFEFF/, '')) as { cluster?: unknown }).cluster;
  if (typeof cluster !== 'string' && typeof cluster !== 'number') {
    throw new StorydeskError(
      'input_invalid',
      `line ${lineNo}: article ${article.id} has no "cluster" (training needs each article's story)`,
      {
        permanent: true,
      },
    );
  }
  return { ...article, cluster: String(cluster) };
}

/** Reads and checks a model file (cluster_model_invalid when it is not one). */
function readModel(path: string): LinkModel {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new StorydeskError('input_invalid', `cannot read ${path}`, { permanent: true });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new StorydeskError('cluster_model_invalid', `${path}: not JSON`, { permanent: true });
  }
  return parseLinkModel(json, path);
}

async function* placeEach(
  lines: AsyncIterable<string>,
  place: Placer,
  onProblem: ProblemHandler | undefined,
): AsyncGenerator<{ id: string; cluster: string }> {
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    const article = readLine(line, lineNo, onProblem);
    if (!article) continue;
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
