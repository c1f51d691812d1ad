/** story/format: the story format (shared/story-format.md) written and read back, and its checks. */
export * from './story-document.js';
export * from './render-text.js';
export * from './render-markdown.js';
export * from './render-json.js';
export { parseStory, type ParseResult, type FormatError, type ParseOptions } from './parse-text.js';
