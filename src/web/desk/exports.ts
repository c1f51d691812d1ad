import type { Store } from '../../adapters/store/store.js';
import type { Outlet, StoryCandidate } from '../../core/model/index.js';
import {
  candidateToDocument,
  MAX_SUGGESTION_ARTICLES,
  renderJson,
  renderMarkdown,
  renderStory,
  suggestStory,
  type StoryDocument,
  type StorySuggestion,
} from '../../core/story/index.js';

/** The download formats of a candidate. */
export const EXPORT_FORMATS = {
  txt: { type: 'text/plain; charset=utf-8', render: renderStory },
  md: { type: 'text/markdown; charset=utf-8', render: renderMarkdown },
  json: { type: 'application/json; charset=utf-8', render: renderJson },
} as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;

/** Suggestions for a candidate from its stored articles (the most recent MAX_SUGGESTION_ARTICLES, as the updater reads). */
export async function suggestionFor(store: Store, outlets: ReadonlyMap<string, Outlet>, story: StoryCandidate): Promise<StorySuggestion> {
  const articles = await store.articles.getMany(story.articleIds.slice(-MAX_SUGGESTION_ARTICLES));
  return suggestStory(articles, new Map(outlets));
}

/** The story as it would publish now (the editor's work, suggestions where there is none). */
export async function documentOf(store: Store, outlets: ReadonlyMap<string, Outlet>, story: StoryCandidate): Promise<StoryDocument> {
  return candidateToDocument(story, await suggestionFor(store, outlets, story), new Map(outlets));
}

/** A download file name: the title as a slug plus the id, safe in a Content-Disposition header. */
export function exportFileName(doc: StoryDocument, id: string, format: ExportFormat): string {
  const slug = doc.title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `${slug ? `${slug}-` : ''}${id.replace(/[^A-Za-z0-9_-]/g, '')}.${format}`;
}
