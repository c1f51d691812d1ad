/** The online story clusterer (pure): articles in, story assignments out. */
export { clusterArticleOf, createClusterer, storyIdFor, type Assignment, type ClusterArticle, type Clusterer } from './clusterer.js';
export { defaultClusterOptions, resolveOptions, type ClusterOptions, type ClusterOptionsInput } from './options.js';
export { defaultLinkModel, LINK_FEATURES, parseLinkModel, type LinkModel } from './link-model.js';
export type { ArticleRecord, ClusterChanges, ClusterMeta, ClusterSnapshot, ClusterStoryStatus, StoryRecord } from './records.js';
export { languageKey } from './language.js';
export { tokenize } from './tokenize.js';
export {
  clusterStream,
  parseStreamLine,
  readLine,
  type ClusterStreamOptions,
  type StreamPrediction,
} from './stream.js';
