/** story/suggest: facts, narrative slots and predictions suggested from a story's articles. */
export * from './suggest-story.js';
export { SentenceCache } from './sentence-cache.js';
export * from './suggest-stream.js';
export { synthesiseOutlet, outletIdFromName } from './synthetic-outlet.js';
export { isForwardLooking, sentenceRole, SENTENCE_ROLES, type SentenceRole } from './sentence-role.js';
export { cleanSentence, isFurniture, hasDateline } from './sentence-hygiene.js';
export { perspectiveLabel, leanLabel } from './perspective-label.js';
export { splitSentences } from './split-sentences.js';
export { mainActors } from './main-actors.js';
