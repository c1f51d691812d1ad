import type { Command } from 'commander';

/** Each command file exports one register function; add yours to this list. */
export const commands: Array<(program: Command) => void> = [];
