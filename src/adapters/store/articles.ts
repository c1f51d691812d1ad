import type { Redis } from 'ioredis';
import type { Article } from '../../core/model/index.js';
import type { Keys } from '../keys.js';

/** Articles: one JSON value each, and a time index for listing and retention. */
export class ArticleStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  async exists(id: string): Promise<boolean> {
    return (await this.redis.exists(this.keys.article(id))) === 1;
  }

  async get(id: string): Promise<Article | null> {
    const raw = await this.redis.get(this.keys.article(id));
    return raw ? (JSON.parse(raw) as Article) : null;
  }

  async getMany(ids: string[]): Promise<Article[]> {
    if (!ids.length) return [];
    const values = await this.redis.mget(ids.map((id) => this.keys.article(id)));
    return values.flatMap((raw) => (raw ? [JSON.parse(raw) as Article] : []));
  }

  async save(article: Article): Promise<void> {
    await this.redis
      .multi()
      .set(this.keys.article(article.id), JSON.stringify(article))
      .zadd(this.keys.articlesByTime, Date.parse(article.published) || 0, article.id)
      .exec();
  }

  async count(): Promise<number> {
    return this.redis.zcard(this.keys.articlesByTime);
  }

  /** Newest first. */
  async recentIds(limit: number): Promise<string[]> {
    return this.redis.zrevrange(this.keys.articlesByTime, 0, limit - 1);
  }
}
