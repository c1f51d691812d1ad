/** The demo "outlets" world: fixtures, generator, renderers and the loopback server. */
export { buildDemoWorld, DEMO_STORY_KEYS, type DemoWorldOptions } from './articles.js';
export { asExtractedArticle } from './as-article.js';
export { generateWorld, type GenerateWorldOptions } from './generator.js';
export { demoOutlets, expectedGroups, type DemoOutletOptions } from './outlets.js';
export { startOutletsServer, type OutletsServer, type OutletsServerOptions, type OutletsServerStats } from './server.js';
export { buildSiteMap, type SiteMap } from './site.js';
export { HOSTILE_OUTLET_NAME, HOSTILE_SNIPPETS } from './stories/hostile.js';
export type * from './types.js';
