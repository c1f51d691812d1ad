/** story/suggest: facts, narrative slots and predictions suggested from a story's articles. */
export * from './suggest-story.js';
export * from './suggest-stream.js';
export { synthesiseOutlet, outletIdFromName } from './synthetic-outlet.js';
export { isForwardLooking } from './suggest-predictions.js';
export { perspectiveLabel, leanLabel } from './perspective-label.js';
export { splitSentences } from './split-sentences.js';
export { mainActors } from './main-actors.js';
