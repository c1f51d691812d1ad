import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { StorydeskError } from '../../core/model/index.js';
import { documentOf, EXPORT_FORMATS, exportFileName, type ExportFormat } from '../../web/desk/exports.js';
import { withInstance } from '../instance.js';

/**
 * `storydesk export <id>|--all --format txt|md|json [--out DIR]`: candidates as the desk
 * would download them. With --all and no --out, stories follow one another, each followed
 * by a line holding only a form feed.
 */
export function register(program: Command): void {
  program
    .command('export [storyId]')
    .description('export one candidate or all of them in the story format, Markdown or JSON')
    .option('--all', 'every candidate, newest update first')
    .option('--format <format>', 'txt (the story format), md or json', 'txt')
    .option('--out <dir>', 'write one file per candidate into this directory')
    .action(async (storyId: string | undefined, options: { all?: boolean; format: string; out?: string }) =>
      withInstance(
        async ({ store, outlets }) => {
          if (!(options.format in EXPORT_FORMATS))
            throw new StorydeskError('bad_format', `unknown format "${options.format}": use txt, md or json`);
          if (Boolean(storyId) === Boolean(options.all)) throw new StorydeskError('bad_arguments', 'give one candidate id or --all');
          const format = options.format as ExportFormat;
          const ids = options.all ? await store.stories.listIds(0, 1_000_000) : [storyId!];
          const stories = await store.stories.getMany(ids);
          if (!options.all && stories.length === 0) throw new StorydeskError('unknown_story', `there is no candidate "${storyId}"`);
          // The running instance's outlets (the demo's, say) win over this machine's outlets file.
          const byId = new Map([...outlets, ...(await store.outlets.list())].map((o) => [o.id, o]));
          if (options.out) mkdirSync(options.out, { recursive: true });
          for (const story of stories) {
            const doc = await documentOf(store, byId, story);
            const text = EXPORT_FORMATS[format].render(doc);
            if (options.out) writeFileSync(join(options.out, exportFileName(doc, story.id, format)), text);
            else process.stdout.write(options.all ? `${text}\n\f\n` : text.endsWith('\n') ? text : `${text}\n`);
          }
          if (options.out) process.stdout.write(`wrote ${stories.length} file(s) to ${options.out}\n`);
        },
        { outlets: true, optionalOutlets: true },
      ),
    );
}
