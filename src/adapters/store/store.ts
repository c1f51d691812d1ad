import type { Redis } from 'ioredis';
import type { Keys } from '../keys.js';
import { ArticleStore } from './articles.js';
import { FeedStore } from './feeds.js';
import { OutletStore } from './outlets.js';
import { StoryStore } from './stories.js';

/** Everything storydesk keeps in Redis, by concern. */
export interface Store {
  redis: Redis;
  keys: Keys;
  feeds: FeedStore;
  outlets: OutletStore;
  articles: ArticleStore;
  stories: StoryStore;
}

export function createStore(redis: Redis, keys: Keys): Store {
  return {
    redis,
    keys,
    feeds: new FeedStore(redis, keys),
    outlets: new OutletStore(redis, keys),
    articles: new ArticleStore(redis, keys),
    stories: new StoryStore(redis, keys),
  };
}
