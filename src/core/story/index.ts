/** core/story: the story format in and out (format/), suggestions for a candidate (suggest/), and the two joined on a candidate. */
export * from './format/index.js';
export * from './suggest/index.js';
export * from './candidate-document.js';
export * from './refresh-candidate.js';
