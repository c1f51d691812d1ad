import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { parseStory } from '../../core/story/index.js';

/**
 * `storydesk format check FILE...`: read each story file and report, line by line, what breaks
 * the story format. Prints "FILE: ok" or "FILE:LINE: message" lines; exit 0 when every file is
 * valid, 1 otherwise (including a file that cannot be read).
 */
export function register(program: Command): void {
  const format = program.command('format').description('the story format (docs/story-format.md)');
  format
    .command('check')
    .description('report, line by line, what breaks the story format; exit 0 when all files are valid')
    .argument('<files...>', 'story files (plain UTF-8 text)')
    .action(async (files: string[]) => {
      let failed = false;
      for (const file of files) {
        let text: string;
        try {
          text = await readFile(file, 'utf8');
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          process.stdout.write(`${file}: cannot read (${code === 'ENOENT' ? 'file not found' : (code ?? 'error')})\n`);
          failed = true;
          continue;
        }
        const { errors } = parseStory(text);
        if (errors.length === 0) process.stdout.write(`${file}: ok\n`);
        for (const e of errors) process.stdout.write(`${file}:${e.line}: ${e.message}\n`);
        if (errors.length > 0) failed = true;
      }
      process.exitCode = failed ? 1 : 0;
    });
}
