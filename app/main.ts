#!/usr/bin/env node
import { buildProgram } from '../src/cli/program.js';
import { startRuntime } from './runtime.js';

/**
 * The one entry point (`storydesk`, dist/app/main.js): the composition root hands the CLI
 * what it needs to run the pipeline, then the CLI parses the arguments.
 */
buildProgram({ startRuntime })
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    process.stderr.write(`storydesk: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
