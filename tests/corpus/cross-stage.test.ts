import { loadFuzzCorpus } from '../../src/fuzz/corpus.js';
import { crossStageSuite, repoRoot } from '../helpers/corpus-suites.js';

// Every shared corpus file plus the fixtures (npm run test:corpus); tests/hostile/cross-stage.test.ts runs the fixtures alone.
crossStageSuite(loadFuzzCorpus(repoRoot), { feeds: 300, pages: 120, okShare: 0.8 });
