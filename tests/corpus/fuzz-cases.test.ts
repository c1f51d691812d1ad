import { loadFuzzCorpus } from '../../src/fuzz/corpus.js';
import { fuzzCasesSuite, repoRoot } from '../helpers/corpus-suites.js';

// Mutations of the shared corpus files and the fixtures (npm run test:corpus); tests/hostile/fuzz-cases.test.ts mutates the fixtures alone.
fuzzCasesSuite(loadFuzzCorpus(repoRoot), { feeds: 300, pages: 120 });
