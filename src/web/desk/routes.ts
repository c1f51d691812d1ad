import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ArticleMovedError, RetiredStoryError, StaleVersionError } from '../../adapters/store/stories.js';
import { StorydeskError, type StoryCandidate } from '../../core/model/index.js';
import { sameSecret } from '../auth/passwords.js';
import { requireRole } from '../auth/require-role.js';
import type { WebDeps } from '../server.js';
import { DeskActions, type StatusAction } from './actions.js';
import { renderAtom, type AtomEntry } from './atom.js';
import { renderCandidate } from './candidate-page.js';
import { documentOf, EXPORT_FORMATS, exportFileName, suggestionFor, type ExportFormat } from './exports.js';
import { feedToken } from './feed-token.js';
import { asForm, field, fields, type FormBody } from './form.js';
import type { Viewer } from './layout.js';
import { renderList } from './list.js';
import { filterRows, parseListFilter, titleOf } from './list-filter.js';
import { renderMessage } from './message-page.js';

/** How many candidates the list and the pickers read (most recently updated first). */
const LIST_LIMIT = 500;
const PICKER_LIMIT = 100;
const FEED_LIMIT = 50;

const DONE: Record<string, string> = {
  saved: 'Saved.', publish: 'Published.', reject: 'Rejected.', reopen: 'Sent back for review.',
  merge: 'Merged into this candidate.', move: 'Article moved.', split: 'Split: this is the new candidate.', 'split-source': 'Split off the ticked articles.', undo: 'Undone.',
};

/** The editors' desk: list, candidate page, edits and actions, downloads, the published feed. */
export async function registerDesk(app: FastifyInstance, deps: WebDeps): Promise<void> {
  const { store } = deps;
  const actions = new DeskActions(store, deps.queues, deps.outlets);
  const canRead = requireRole('editor', 'operator');
  const canEdit = requireRole('editor');
  const viewerOf = (request: FastifyRequest): Viewer => ({ name: request.session!.name, role: request.session!.role, csrf: request.session!.csrf });

  app.get('/', { preHandler: canRead }, async (request, reply) => {
    const filter = parseListFilter(request.query as Record<string, unknown>);
    const stories = await store.stories.getMany(await store.stories.listIds(0, LIST_LIMIT));
    const rows = await Promise.all(stories.map(async (story) => ({ story, articles: await store.articles.getMany(story.articleIds) })));
    const token = await feedToken(store.redis, store.keys);
    const html = renderList(filterRows(rows, filter, deps.outlets), filter, deps.outlets, viewerOf(request), { total: rows.length, feedUrl: `/published.atom?token=${encodeURIComponent(token)}` });
    return reply.type('text/html; charset=utf-8').send(html);
  });

  const showCandidate = async (request: FastifyRequest, reply: FastifyReply, id: string, extra: { flash?: string; error?: string; unsaved?: string[] } = {}) => {
    const story = await store.stories.get(id);
    if (!story) {
      // A merged candidate is gone; it forwards to the candidate that took its articles.
      const forward = await store.stories.forwardOf(id);
      // A refused action on a candidate merged away meanwhile shows the refusal on the target, never a bare redirect.
      if (forward && extra.error) return showCandidate(request, reply, forward, { ...extra, error: `${extra.error} Candidate ${id} was merged into this one meanwhile.` });
      if (forward) return reply.redirect(`/stories/${encodeURIComponent(forward)}?done=merge`, 303);
      return reply.code(404).type('text/html; charset=utf-8').send(renderMessage('Not found', `There is no candidate ${id}.`, viewerOf(request)));
    }
    const [articles, history, suggestion, others] = await Promise.all([
      store.articles.getMany(story.articleIds),
      store.stories.history(id),
      suggestionFor(store, deps.outlets, story),
      pickerOf(id),
    ]);
    return reply.type('text/html; charset=utf-8').send(
      renderCandidate({ story, articles, outlets: deps.outlets, coverage: suggestion.coverage, history, others, viewer: viewerOf(request), ...extra }),
    );
  };

  const pickerOf = async (id: string) =>
    (await store.stories.getMany(await store.stories.listIds(0, PICKER_LIMIT + 1)))
      .filter((s) => s.id !== id && s.status !== 'rejected')
      .slice(0, PICKER_LIMIT)
      .map((s) => ({ id: s.id, title: clip(titleOf(s), 90) }));

  app.get('/stories/:id', { preHandler: canRead }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const done = (request.query as { done?: string }).done;
    return showCandidate(request, reply, id, { flash: done ? DONE[done] : undefined });
  });

  /** Run an action; stale saves and bad forms come back as the page with a clear message. */
  const act = (run: (id: string, version: number, form: FormBody, by: string) => Promise<{ goTo: string; done: string }>) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const { id } = request.params as { id: string };
      const form = asForm(request.body);
      const version = Number.parseInt(field(form, 'version', 20), 10);
      try {
        if (!Number.isInteger(version)) throw new StorydeskError('invalid_form', 'the form carries no version; reload the page', { permanent: true });
        const { goTo, done } = await run(id, version, form, request.session!.name);
        return reply.redirect(`/stories/${encodeURIComponent(goTo)}?done=${done}`, 303);
      } catch (error) {
        if (error instanceof StaleVersionError || error instanceof ArticleMovedError || error instanceof RetiredStoryError) {
          reply.code(409);
          const current = await store.stories.get(id);
          return showCandidate(request, reply, id, { error: `Not saved: ${error.message}.`, unsaved: typedText(form, current) });
        }
        if (error instanceof StorydeskError && (error.code === 'invalid_form' || error.code === 'not_found')) {
          reply.code(error.code === 'not_found' ? 404 : 400);
          return showCandidate(request, reply, id, { error: error.message, unsaved: typedText(form, await store.stories.get(id)) });
        }
        throw error;
      }
    };

  app.post('/stories/:id/save', { preHandler: canEdit }, act(async (id, version, form, by) => {
    await actions.saveEdits(id, version, form, by);
    return { goTo: id, done: 'saved' };
  }));
  for (const action of ['publish', 'reject', 'reopen'] as StatusAction[]) {
    app.post(`/stories/:id/${action}`, { preHandler: canEdit }, act(async (id, version, _form, by) => {
      await actions.setStatus(id, version, action, by);
      return { goTo: id, done: action };
    }));
  }
  app.post('/stories/:id/merge', { preHandler: canEdit }, act(async (id, version, form, by) => {
    await actions.merge(id, version, field(form, 'from', 200), by);
    return { goTo: id, done: 'merge' };
  }));
  app.post('/stories/:id/move', { preHandler: canEdit }, act(async (id, version, form, by) => {
    await actions.move(id, version, field(form, 'articleId', 200), field(form, 'to', 200), by);
    return { goTo: id, done: 'move' };
  }));
  app.post('/stories/:id/split', { preHandler: canEdit }, act(async (id, version, form, by) => {
    const created = await actions.split(id, version, fields(form, 'articleIds'), by);
    return { goTo: created.id, done: 'split' };
  }));

  app.post('/stories/:id/undo', { preHandler: canEdit }, act(async (id, version, form, by) => {
    const shown = await actions.undo(id, version, Number.parseInt(field(form, 'decision', 20), 10), by);
    return { goTo: shown.id, done: 'undo' };
  }));

  app.get('/stories/:id/export.:format', { preHandler: canRead }, async (request, reply) => {
    const { id, format } = request.params as { id: string; format: string };
    if (!(format in EXPORT_FORMATS)) return reply.code(404).type('text/plain; charset=utf-8').send('formats: txt, md, json');
    const story = await store.stories.get(id);
    if (!story) return reply.code(404).type('text/plain; charset=utf-8').send(`there is no candidate ${id}`);
    const doc = await documentOf(store, deps.outlets, story);
    const { type, render } = EXPORT_FORMATS[format as ExportFormat];
    return reply.type(type).header('content-disposition', `attachment; filename="${exportFileName(doc, id, format as ExportFormat)}"`).send(render(doc));
  });

  // The feed opens with a session or with the feed token (feed readers cannot sign in).
  app.get('/published.atom', { config: { auth: 'public' } }, async (request, reply) => {
    const token = (request.query as { token?: unknown }).token;
    if (!request.session && !(typeof token === 'string' && sameSecret(token, await feedToken(store.redis, store.keys)))) {
      return reply.code(401).type('text/plain; charset=utf-8').send('sign in, or add ?token=<feed token> (shown on the desk; `storydesk users feed-token`)');
    }
    const published = (await store.stories.getMany(await store.stories.listIds(0, LIST_LIMIT))).filter((s) => s.status === 'published').slice(0, FEED_LIMIT);
    const entries = await Promise.all(published.map((story) => entryOf(story)));
    const baseUrl = `${request.protocol}://${request.host}`;
    return reply.type('application/atom+xml; charset=utf-8').send(renderAtom(entries, { baseUrl, now: new Date().toISOString() }));
  });

  const entryOf = async (story: StoryCandidate): Promise<AtomEntry> => {
    const publish = (await store.stories.history(story.id)).reverse().find((d) => d.kind === 'publish');
    return { id: story.id, doc: await documentOf(store, deps.outlets, story), publishedAt: publish?.at ?? story.updatedAt, updatedAt: story.updatedAt };
  };
}

/** The free text of a refused form that is not on the page already, to show back to the editor. */
function typedText(form: FormBody, current: StoryCandidate | null): string[] {
  const known = new Set(current ? [current.title ?? current.suggestedTitle, ...current.facts.map((f) => f.text), ...current.narratives.flatMap((s) => [s.label, s.text]), ...current.predictions.map((p) => p.text)] : []);
  return Object.entries(form)
    .filter(([name]) => name === 'title' || /\.(text|new|label)$/.test(name))
    .flatMap(([, value]) => (Array.isArray(value) ? value : [value ?? '']))
    .map((v) => v.trim())
    .filter((v) => v !== '' && !known.has(v));
}

/** A title cut to fit a picker option. */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
