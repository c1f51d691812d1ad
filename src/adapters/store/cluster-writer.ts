import type { Redis } from 'ioredis';
import type { Keys } from '../keys.js';
import {
  createClusterer,
  type ClusterArticle,
  type Assignment,
  type Clusterer,
  type ClusterOptionsInput,
  type LinkModel,
} from '../../core/cluster/index.js';
import type { Decision } from '../../core/model/index.js';
import { loadClusterer, readEpoch, saveChanges } from './cluster-state.js';

/** What an instance sets of the clusterer: its window from config, and a model of its own when trained. */
export interface ClusterWriterOptions {
  idleWindowMs?: number;
  model?: LinkModel;
}

/**
 * The clusterer as one writer over Redis. The in-memory state is reused between jobs while
 * this process is the last writer (an epoch counter says so); if another process wrote in
 * between (a second cluster worker on another host took a job), the state is reloaded first.
 */
export class ClusterWriter {
  private clusterer: Clusterer | null = null;
  private epoch = -1;

  private readonly options: ClusterOptionsInput;

  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    options: ClusterWriterOptions = {},
  ) {
    this.options = {
      ...(options.model ? { model: options.model } : {}),
      ...(options.idleWindowMs !== undefined ? { eviction: { idleWindowMs: options.idleWindowMs } } : {}),
    };
  }

  async add(article: ClusterArticle): Promise<Assignment> {
    return (await this.addRead(Promise.resolve(article)))!;
  }

  /**
   * Place the article `reading` resolves to, or nothing when it resolves to null (not stored).
   * The writer's epoch check goes out while the article is being read, so the two reads cost
   * one round trip rather than two.
   */
  async addRead(reading: Promise<ClusterArticle | null>): Promise<Assignment | null> {
    const [article, clusterer] = await Promise.all([reading, this.fresh()]);
    if (!article) return null;
    const assignment = clusterer.add(article);
    await this.persist(clusterer);
    return assignment;
  }

  async apply(decision: Decision): Promise<void> {
    const clusterer = await this.fresh();
    clusterer.applyDecision(decision);
    await this.persist(clusterer);
  }

  private async fresh(): Promise<Clusterer> {
    const stored = await readEpoch(this.redis, this.keys);
    if (this.clusterer && stored === this.epoch) return this.clusterer;
    const clusterer = stored === 0 ? createClusterer(this.options) : await loadClusterer(this.redis, this.keys, this.options);
    this.clusterer = clusterer;
    this.epoch = stored;
    return clusterer;
  }

  /**
   * Saves what the last placement changed. When Redis refuses the save, the in-memory state
   * holds a placement Redis does not, and its changes are taken: it is dropped, so the job's
   * retry reloads what Redis holds and places the article again.
   */
  private async persist(clusterer: Clusterer): Promise<void> {
    try {
      this.epoch = await saveChanges(this.redis, this.keys, clusterer.takeChanges());
    } catch (error) {
      this.clusterer = null;
      this.epoch = -1;
      throw error;
    }
  }
}
