/** core/story: suggestions for a candidate, and the story format in and out. */
export * from './format.js';
export * from './markdown.js';
export * from './json.js';
export * from './suggest.js';
export * from './document.js';
export * from './refresh.js';
export * from './stream.js';
export { synthesiseOutlet, outletIdFromName } from './synthetic-outlet.js';
export { isForwardLooking } from './predictions.js';
export { perspectiveLabel, leanLabel } from './perspective.js';
export { splitSentences } from './sentences.js';
export { mainActors } from './actors.js';
