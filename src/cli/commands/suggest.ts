import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { loadOutlets } from '../../adapters/config/load.js';
import type { Outlet } from '../../core/model/index.js';
import { parseSuggestInput, suggestGroups } from '../../core/story/index.js';
import { inputProblems } from '../input-problems.js';
import { failClearly } from '../process.js';

interface SuggestOptions {
  input: string;
  outlets?: string;
  strict?: boolean;
}

/**
 * `storydesk suggest --input stream.jsonl [--outlets outlets.yaml]`: articles already grouped
 * (JSON Lines: cluster, outlet, title, text, optional lean) in; per group one JSON line out
 * with the suggested title, facts, sources, Sources line, narrative slots and predictions.
 * Outlets not in the given outlets file are made up from their names. A bad line is reported on
 * stderr and skipped (exit 0); with --strict the first one stops the run with exit 2.
 */
export function register(program: Command): void {
  program
    .command('suggest')
    .description('suggest title, facts, sources, narrative slots and predictions for grouped articles (JSON Lines in and out)')
    .requiredOption('--input <file>', 'JSON Lines: {"cluster","outlet","title","text","lean"?} per article ("-" for stdin)')
    .option('--outlets <file>', 'outlets config (YAML/JSON) to look outlets up in, by id or display name')
    .option('--strict', 'stop at the first bad line (exit 2) instead of reporting it on stderr and going on')
    .action(async (options: SuggestOptions) => {
      const problems = inputProblems('suggest', options.strict);
      try {
        const text = options.input === '-' ? await readStdin() : await readFile(options.input, 'utf8');
        const known: Outlet[] = options.outlets ? loadOutlets(options.outlets) : [];
        const articles = parseSuggestInput(text, problems.handler);
        problems.summarise();
        for (const line of suggestGroups(articles, known)) process.stdout.write(JSON.stringify(line) + '\n');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') failClearly(new Error(`${options.input}: file not found`));
        failClearly(error);
      }
    });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
