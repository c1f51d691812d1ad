import type { Decision } from '../model/story.js';
import type { ArticleRecord } from './records.js';
import type { ClusterState, StoryState } from './state.js';

/**
 * Applies an editor's decision to the active window. Decisions on stories or articles that
 * already left the window change nothing here (the store keeps them; no new article can
 * join a story outside the window anyway).
 *
 * - move: the article goes to the target story and is pinned there (its later updates
 *   stay with it; the clusterer never moves members on its own).
 * - merge: the target absorbs the source's members and centroid; the source leaves.
 * - split: the named articles form the target story, pinned; both stories go on as two.
 * - reject: the story keeps its members and stays findable (copies and updates of its
 *   members still land on it) but takes no new articles: articles that would have
 *   joined it join the next best open story or start a new candidate, so a rejection
 *   never hides later coverage and never resurrects the rejected candidate.
 * - add: an article an editor added by URL goes to that story, pinned, like a move.
 * - reopen: the story takes new articles again. publish and edit do not affect clustering.
 */
export function applyDecision(state: ClusterState, decision: Decision): void {
  switch (decision.kind) {
    case 'move': {
      const article = state.articles.get(decision.articleId);
      if (!article) return;
      moveArticle(state, article, decision.to, true);
      return;
    }
    case 'add': {
      const article = state.articles.get(decision.articleId);
      if (article) moveArticle(state, article, decision.storyId, true);
      return;
    }
    case 'merge': {
      const source = state.stories.get(decision.from);
      if (!source || decision.from === decision.into) return;
      for (const id of [...source.members]) {
        const article = state.articles.get(id);
        if (article) moveArticle(state, article, decision.into, article.pinned);
      }
      return;
    }
    case 'split': {
      for (const id of decision.articleIds) {
        const article = state.articles.get(id);
        if (article && article.storyId === decision.from) moveArticle(state, article, decision.to, true);
      }
      return;
    }
    case 'reject':
    case 'reopen': {
      const story = state.stories.get(decision.storyId);
      if (!story) return;
      story.status = decision.kind === 'reject' ? 'rejected' : 'open';
      state.markStory(story);
      return;
    }
    case 'publish':
    case 'edit':
      return;
  }
}

/** Moves one active article into a story, creating the story in the window when needed. */
function moveArticle(state: ClusterState, article: ArticleRecord, toId: string, pin: boolean): void {
  if (article.storyId === toId) {
    if (pin && !article.pinned) {
      article.pinned = true;
      state.markArticle(article);
    }
    return;
  }
  const target: StoryState = state.stories.get(toId) ?? state.createStory(toId, article.lang, article.t, article.seq);
  state.detach(article);
  article.pinned = pin;
  state.attach(target, article);
}
