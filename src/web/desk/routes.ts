import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ArticleMovedError, RetiredStoryError, StaleVersionError } from '../../adapters/store/stories.js';
import { StorydeskError, type Article, type StoryCandidate } from '../../core/model/index.js';
import { sameSecret } from '../auth/passwords.js';
import { requireRole } from '../auth/require-role.js';
import type { WebDeps } from '../server.js';
import { DeskActions, type StatusAction } from './actions.js';
import { addArticleByUrl } from './add-article.js';
import { renderAtom, type AtomEntry } from './atom.js';
import { renderCandidate, type PickerEntry } from './candidate-page.js';
import { renderConfirm } from './confirm-page.js';
import { documentOf, EXPORT_FORMATS, exportFileName, type ExportFormat } from './exports.js';
import { feedToken } from './feed-token.js';
import { asForm, field, fields, type FormBody } from './form.js';
import { renderHelp } from './help-page.js';
import { DESK_SCRIPT_PATH, type Viewer } from './layout.js';
import { DESK_KEYS_JS } from './keys-script.js';
import { renderList } from './list.js';
import { filterRows, parseListFilter, titleOf, unseenArticles } from './list-filter.js';
import { renderMessage } from './message-page.js';
import { missingCoverage, strayCandidates } from './missing-coverage.js';
import { renderPreview } from './preview-page.js';
import { unwrittenSlots } from './publish-guard.js';
import { nonceOf } from './security.js';
import { SeenStore } from './seen.js';
import { storedCoverage } from './stored-coverage.js';

/** How many candidates the list reads (most recently updated first). */
const LIST_LIMIT = 500;
/** Recent candidates the candidate page offers to move to or merge from, and scans for strays. */
const RECENT_LIMIT = 150;
/** Single-outlet candidates larger than this are not read for the "may belong here" pointers. */
const STRAY_MAX_ARTICLES = 4;
/** How far around a candidate the list is read to find its open neighbours (next/previous). */
const NEIGHBOUR_SPAN = 25;
/** Choices a search for a move or merge target shows at most. */
const MAX_CHOICES = 20;
const FEED_LIMIT = 50;

const DONE: Record<string, string> = {
  saved: 'Saved.',
  publish: 'Published.',
  reject: 'Rejected.',
  reopen: 'Sent back for review.',
  merge: 'Merged into this candidate.',
  move: 'Article(s) moved.',
  split: 'Split: this is the new candidate.',
  'split-source': 'Split off the ticked articles.',
  undo: 'Undone.',
  add: 'Article queued: it is fetched and extracted like any feed article and appears here when done (reload in a minute).',
};

/** What an action did: go to a candidate with a message, or show a page (a confirmation). */
type Outcome = { goTo: string; done: string } | { page: string };

/** The editors' desk: list, candidate page, preview, edits and actions, downloads, the published feed, help. */
export async function registerDesk(app: FastifyInstance, deps: WebDeps): Promise<void> {
  const { store } = deps;
  const actions = new DeskActions(store, deps.queues, deps.outlets);
  const seen = new SeenStore(store.redis, store.keys);
  const canRead = requireRole('editor', 'operator');
  const canEdit = requireRole('editor');
  const viewerOf = (request: FastifyRequest): Viewer => ({
    name: request.session!.name,
    role: request.session!.role,
    csrf: request.session!.csrf,
    nonce: nonceOf(request),
  });
  const html = (reply: FastifyReply, body: string) => reply.type('text/html; charset=utf-8').send(body);

  app.get(DESK_SCRIPT_PATH, { config: { auth: 'public' } }, async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(DESK_KEYS_JS),
  );

  app.get('/help', { preHandler: canRead }, async (request, reply) => html(reply, renderHelp(viewerOf(request))));

  app.get('/', { preHandler: canRead }, async (request, reply) => {
    const filter = parseListFilter(request.query as Record<string, unknown>);
    const [stories, lastSeen] = await Promise.all([
      store.stories.getMany(await store.stories.listIds(0, LIST_LIMIT)),
      seen.all(request.session!.name),
    ]);
    const rows = await Promise.all(
      stories.map(async (story) => {
        const articles = await store.articles.getMany(story.articleIds);
        return { story, articles, unseen: unseenArticles(articles, lastSeen.get(story.id)?.articleIds ?? null) };
      }),
    );
    const token = await feedToken(store.redis, store.keys);
    return html(
      reply,
      renderList(filterRows(rows, filter, deps.outlets), filter, deps.outlets, viewerOf(request), {
        total: rows.length,
        feedUrl: `/published.atom?token=${encodeURIComponent(token)}`,
      }),
    );
  });

  /** Recent candidates, newest update first. */
  const recentStories = async () => store.stories.getMany(await store.stories.listIds(0, RECENT_LIMIT));
  const entryOfStory = (s: StoryCandidate): PickerEntry => ({ id: s.id, title: clip(titleOf(s), 90), status: s.status });
  const isOpen = (s: { status: StoryCandidate['status'] }) => s.status === 'candidate' || s.status === 'in_review';

  /** The open candidates just before and after this one in the list's default order. */
  const neighboursOf = async (id: string): Promise<{ previous: PickerEntry | null; next: PickerEntry | null }> => {
    const rank = await store.redis.zrevrank(store.keys.storiesByTime, id);
    if (rank === null) return { previous: null, next: null };
    const start = Math.max(0, rank - NEIGHBOUR_SPAN);
    const ids = await store.stories.listIds(start, rank - start + NEIGHBOUR_SPAN + 1);
    const around = await store.stories.getMany(ids);
    const at = around.findIndex((s) => s.id === id);
    const previous = around.slice(0, Math.max(0, at)).reverse().find(isOpen);
    const next = around.slice(at + 1).find(isOpen);
    return { previous: previous ? entryOfStory(previous) : null, next: next ? entryOfStory(next) : null };
  };

  /** Single-outlet open candidates with their articles, for the "may belong here" pointers. */
  const strayPool = async (recent: StoryCandidate[]) => {
    const small = recent.filter((s) => isOpen(s) && s.articleIds.length > 0 && s.articleIds.length <= STRAY_MAX_ARTICLES);
    const articles = new Map((await store.articles.getMany(small.flatMap((s) => s.articleIds))).map((a) => [a.id, a]));
    return small.map((story) => ({ story, articles: story.articleIds.flatMap((a) => (articles.has(a) ? [articles.get(a)!] : [])) }));
  };

  const showCandidate = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { flash?: string; error?: string; unsaved?: string[] } = {},
  ) => {
    const story = await store.stories.get(id);
    if (!story) {
      // A merged candidate is gone; it forwards to the candidate that took its articles.
      const forward = await store.stories.forwardOf(id);
      // A refused action on a candidate merged away meanwhile shows the refusal on the target, never a bare redirect.
      if (forward && extra.error)
        return showCandidate(request, reply, forward, {
          ...extra,
          error: `${extra.error} Candidate ${id} was merged into this one meanwhile.`,
        });
      if (forward) return reply.redirect(`/stories/${encodeURIComponent(forward)}?done=merge`, 303);
      return html(reply.code(404), renderMessage('Not found', `There is no candidate ${id}.`, viewerOf(request)));
    }
    const user = request.session!.name;
    const [articles, history, recent, lastSeen, neighbours] = await Promise.all([
      store.articles.getMany(story.articleIds),
      store.stories.history(id),
      recentStories(),
      seen.last(user, id),
      neighboursOf(id),
    ]);
    const outletIds = [...new Set(articles.map((a) => a.outletId))];
    const strays = strayCandidates({ id, articles }, await strayPool(recent));
    const page = renderCandidate({
      story,
      articles,
      outlets: deps.outlets,
      coverage: storedCoverage(articles, deps.outlets),
      missing: missingCoverage(outletIds, deps.outlets),
      strays,
      history,
      others: recent.filter((s) => s.id !== id).map(entryOfStory),
      ...neighbours,
      lastSeen,
      viewer: viewerOf(request),
      ...extra,
    });
    await seen.mark(user, id, new Date().toISOString(), story.articleIds);
    return html(reply, page);
  };

  app.get('/stories/:id', { preHandler: canRead }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const done = (request.query as { done?: string }).done;
    return showCandidate(request, reply, id, { flash: done ? DONE[done] : undefined });
  });

  app.get('/stories/:id/preview', { preHandler: canRead }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const story = await store.stories.get(id);
    if (!story) return html(reply.code(404), renderMessage('Not found', `There is no candidate ${id}.`, viewerOf(request)));
    return html(
      reply,
      renderPreview({ id, status: story.status, doc: await documentOf(store, deps.outlets, story), viewer: viewerOf(request) }),
    );
  });

  /** Run an action; stale saves and bad forms come back as the page with a clear message. */
  const act =
    (run: (id: string, version: number, form: FormBody, request: FastifyRequest) => Promise<Outcome>) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const { id } = request.params as { id: string };
      const form = asForm(request.body);
      const version = Number.parseInt(field(form, 'version', 20), 10);
      try {
        if (!Number.isFinite(version))
          throw new StorydeskError('invalid_form', 'the form carries no version; reload the page', { permanent: true });
        const outcome = await run(id, version, form, request);
        if ('page' in outcome) return html(reply, outcome.page);
        return reply.redirect(`/stories/${encodeURIComponent(outcome.goTo)}?done=${outcome.done}`, 303);
      } catch (error) {
        if (error instanceof StaleVersionError || error instanceof ArticleMovedError || error instanceof RetiredStoryError) {
          reply.code(409);
          const current = await store.stories.get(id);
          return showCandidate(request, reply, id, { error: `Not saved: ${error.message}.`, unsaved: typedText(form, current) });
        }
        if (
          error instanceof StorydeskError &&
          (error.code === 'invalid_form' || error.code === 'not_found' || error.code === 'unwritten_slots')
        ) {
          reply.code(error.code === 'not_found' ? 404 : 400);
          return showCandidate(request, reply, id, { error: error.message, unsaved: typedText(form, await store.stories.get(id)) });
        }
        throw error;
      }
    };
  const by = (request: FastifyRequest) => request.session!.name;

  /**
   * The candidate an editor named in a move or merge box: an exact id, else the open candidates
   * whose title contains the text. Nothing is ever picked by default.
   */
  const resolveTarget = async (query: string, selfId: string): Promise<{ other: PickerEntry | null; choices: PickerEntry[] }> => {
    const text = query.trim();
    if (!text) throw new StorydeskError('invalid_form', 'choose a candidate first (type part of its title or its id)', { permanent: true });
    if (text === selfId) throw new StorydeskError('invalid_form', 'that is this candidate: choose another one', { permanent: true });
    const exact = await store.stories.get(text);
    if (exact) return { other: entryOfStory(exact), choices: [] };
    const needle = text.toLowerCase();
    const found = (await recentStories())
      .filter((s) => s.id !== selfId && isOpen(s) && titleOf(s).toLowerCase().includes(needle))
      .map(entryOfStory);
    if (!found.length) throw new StorydeskError('invalid_form', `no open candidate matches “${clip(text, 80)}”`, { permanent: true });
    return found.length === 1 ? { other: found[0]!, choices: [] } : { other: null, choices: found.slice(0, MAX_CHOICES) };
  };

  /** Ask first (a confirmation page), unless the form is the confirmation. */
  const confirmFirst = async (
    request: FastifyRequest,
    id: string,
    version: number,
    form: FormBody,
    action: 'move' | 'merge',
    articles: Article[] = [],
  ): Promise<{ page: string } | PickerEntry> => {
    const target = await resolveTarget(field(form, action === 'move' ? 'to' : 'from', 300), id);
    if (action === 'merge' && target.other?.status === 'published') {
      throw new StorydeskError('invalid_form', `“${target.other.title}” is published: send it back for review before merging it`, {
        permanent: true,
      });
    }
    if (field(form, 'confirm') === 'yes' && target.other) return target.other;
    const story = await actions.load(id);
    return {
      page: renderConfirm({
        storyId: id,
        storyTitle: titleOf(story),
        version,
        viewer: viewerOf(request),
        action,
        other: target.other,
        choices: target.choices,
        articles: articles.map((a) => ({ id: a.id, title: a.title })),
        query: field(form, action === 'move' ? 'to' : 'from', 300),
      }),
    };
  };

  app.post(
    '/stories/:id/save',
    { preHandler: canEdit },
    act(async (id, version, form, request) => {
      await actions.saveEdits(id, version, form, by(request));
      return { goTo: id, done: 'saved' };
    }),
  );
  for (const action of ['publish', 'reject', 'reopen'] as StatusAction[]) {
    app.post(
      `/stories/:id/${action}`,
      { preHandler: canEdit },
      act(async (id, version, form, request) => {
        await actions.setStatus(id, version, action, by(request), { reason: field(form, 'reason', 300) });
        return { goTo: id, done: action };
      }),
    );
  }
  app.post(
    '/stories/:id/merge',
    { preHandler: canEdit },
    act(async (id, version, form, request) => {
      const source = await confirmFirst(request, id, version, form, 'merge');
      if ('page' in source) return source;
      await actions.merge(id, version, source.id, by(request));
      return { goTo: id, done: 'merge' };
    }),
  );
  app.post(
    '/stories/:id/move',
    { preHandler: canEdit },
    act(async (id, version, form, request) => {
      const ticked = [...fields(form, 'articleIds'), ...fields(form, 'articleId')];
      if (!ticked.length) throw new StorydeskError('invalid_form', 'tick the articles to move first', { permanent: true });
      const story = await actions.load(id);
      const articles = (await store.articles.getMany(ticked)).filter((a) => story.articleIds.includes(a.id));
      const target = await confirmFirst(request, id, version, form, 'move', articles);
      if ('page' in target) return target;
      await actions.moveMany(id, version, ticked, target.id, by(request));
      return { goTo: ticked.length >= story.articleIds.length ? target.id : id, done: 'move' };
    }),
  );
  app.post(
    '/stories/:id/split',
    { preHandler: canEdit },
    act(async (id, version, form, request) => {
      const created = await actions.split(id, version, fields(form, 'articleIds'), by(request));
      return { goTo: created.id, done: 'split' };
    }),
  );
  app.post(
    '/stories/:id/undo',
    { preHandler: canEdit },
    act(async (id, version, form, request) => {
      const shown = await actions.undo(id, version, Number.parseInt(field(form, 'decision', 20), 10), by(request));
      return { goTo: shown.id, done: 'undo' };
    }),
  );
  app.post(
    '/stories/:id/add-article',
    { preHandler: canEdit },
    act(async (id, _version, form, request) => {
      await actions.load(id);
      await addArticleByUrl(
        { store, queues: deps.queues, outlets: deps.outlets },
        { storyId: id, url: field(form, 'url', 2000), outletId: field(form, 'outlet', 200), by: by(request), now: new Date() },
      );
      return { goTo: id, done: 'add' };
    }),
  );

  app.get('/stories/:id/export.:format', { preHandler: canRead }, async (request, reply) => {
    const { id, format } = request.params as { id: string; format: string };
    if (!(format in EXPORT_FORMATS)) return reply.code(404).type('text/plain; charset=utf-8').send('formats: txt, md, json');
    const story = await store.stories.get(id);
    if (!story) return reply.code(404).type('text/plain; charset=utf-8').send(`there is no candidate ${id}`);
    const doc = await documentOf(store, deps.outlets, story);
    const { type, render } = EXPORT_FORMATS[format as ExportFormat];
    return reply
      .type(type)
      .header('content-disposition', `attachment; filename="${exportFileName(doc, id, format as ExportFormat)}"`)
      .send(render(doc));
  });

  // The feed opens with a session or with the feed token (feed readers cannot sign in).
  app.get('/published.atom', { config: { auth: 'public' } }, async (request, reply) => {
    const token = (request.query as { token?: unknown }).token;
    if (!request.session && !(typeof token === 'string' && sameSecret(token, await feedToken(store.redis, store.keys)))) {
      return reply
        .code(401)
        .type('text/plain; charset=utf-8')
        .send('sign in, or add ?token=<feed token> (shown on the desk; `storydesk users feed-token`)');
    }
    const published = (await store.stories.getMany(await store.stories.listIds(0, LIST_LIMIT)))
      .filter((s) => s.status === 'published')
      .slice(0, FEED_LIMIT);
    // A story published before the guard existed, with slots still unwritten, stays out of the feed.
    const entries = (await Promise.all(published.map((story) => entryOf(story)))).filter((e) => unwrittenSlots(e.doc).length === 0);
    // Links come from the configured public URL, never from the request's Host header.
    const baseUrl = publicUrlOf(deps.settings);
    return reply.type('application/atom+xml; charset=utf-8').send(renderAtom(entries, { baseUrl, now: new Date().toISOString() }));
  });

  const entryOf = async (story: StoryCandidate): Promise<AtomEntry> => {
    const publish = (await store.stories.history(story.id)).reverse().find((d) => d.kind === 'publish');
    return {
      id: story.id,
      doc: await documentOf(store, deps.outlets, story),
      publishedAt: publish?.at ?? story.updatedAt,
      updatedAt: story.updatedAt,
    };
  };
}

/** The free text of a refused form that is not on the page already, to show back to the editor. */
function typedText(form: FormBody, current: StoryCandidate | null): string[] {
  const known = new Set(
    current
      ? [
          current.title ?? current.suggestedTitle,
          ...current.facts.map((f) => f.text),
          ...current.narratives.flatMap((s) => [s.label, s.text]),
          ...current.predictions.map((p) => p.text),
        ]
      : [],
  );
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

/** Where the desk is reached from outside: STORYDESK_PUBLIC_URL, else the configured listen address. */
export function publicUrlOf(settings: Pick<WebDeps['settings'], 'STORYDESK_PUBLIC_URL' | 'HOST' | 'PORT'>): string {
  if (settings.STORYDESK_PUBLIC_URL) return settings.STORYDESK_PUBLIC_URL.replace(/\/+$/, '');
  const host =
    settings.HOST === '0.0.0.0' || settings.HOST === '::'
      ? 'localhost'
      : settings.HOST.includes(':')
        ? `[${settings.HOST}]`
        : settings.HOST;
  return `http://${host}:${settings.PORT}`;
}
