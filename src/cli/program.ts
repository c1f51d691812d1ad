import { Command } from 'commander';
import { commands } from './commands/index.js';
import type { CliDeps } from './runtime-port.js';

/**
 * `storydesk <command>`: the argument parser. Each command lives in its own file; the
 * services that run the pipeline come in `deps` from the composition root (app/main.ts).
 */
export function buildProgram(deps: CliDeps): Command {
  const program = new Command('storydesk')
    .description('RSS feeds of news outlets in, story candidates for editors out.')
    .showHelpAfterError();
  for (const register of commands) register(program, deps);
  return program;
}
