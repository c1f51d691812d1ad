#!/usr/bin/env node
import { Command } from 'commander';
import { commands } from './commands/index.js';

/** The one entry point: `storydesk <command>`. Each command lives in its own file. */
const program = new Command('storydesk')
  .description('RSS feeds of news outlets in, story candidates for editors out.')
  .showHelpAfterError();

for (const register of commands) register(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`storydesk: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
