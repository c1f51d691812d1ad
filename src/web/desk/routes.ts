import type { FastifyInstance } from 'fastify';
import type { WebDeps } from '../server.js';
import { renderList } from './list.js';

/** The editors' desk routes. */
export async function registerDesk(app: FastifyInstance, deps: WebDeps): Promise<void> {
  app.get('/', async (_request, reply) => {
    const stories = await deps.store.stories.getMany(await deps.store.stories.listIds(0, 200));
    const rows = await Promise.all(stories.map(async (story) => ({ story, articles: await deps.store.articles.getMany(story.articleIds) })));
    reply.type('text/html; charset=utf-8').send(renderList(rows, deps.outlets));
  });
}
