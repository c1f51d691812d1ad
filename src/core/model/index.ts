export * from './outlet.js';
export * from './article.js';
export * from './story.js';
export * from './ids.js';
export * from './errors.js';
export * from './feed-state.js';
export * from './compose-article.js';
