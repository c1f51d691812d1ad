import type { Command } from 'commander';
import { register as format } from './format.js';
import { register as suggest } from './suggest.js';

/** Each command file exports one register function; add yours to this list. */
export const commands: Array<(program: Command) => void> = [format, suggest];
