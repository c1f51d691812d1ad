import type { Command } from 'commander';
import type { CliDeps } from '../runtime-port.js';
import { register as demo } from './demo.js';
import { register as start } from './start.js';
import { register as format } from './format.js';
import { register as suggest } from './suggest.js';
import { register as cluster } from './cluster.js';
import { register as extract } from './extract.js';
import { register as feeds } from './feeds.js';
import { register as users } from './users.js';
import { register as exportStories } from './export.js';
import { register as status } from './status.js';
import { register as requeue } from './requeue.js';
import { register as version } from './version.js';

/** Each command file exports one register function; add yours to this list (`deps` only if it runs the pipeline). */
export const commands: Array<(program: Command, deps: CliDeps) => void> = [
  version,
  start,
  demo,
  format,
  suggest,
  cluster,
  extract,
  feeds,
  users,
  exportStories,
  status,
  requeue,
];
