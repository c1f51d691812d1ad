import { loadFuzzCorpus } from '../../src/fuzz/corpus.js';
import { fuzzCasesSuite, repoRoot } from '../helpers/corpus-suites.js';

// Mutations of the feed and page fixtures (the corpus sample included); npm run test:corpus mutates every shared corpus file too.
fuzzCasesSuite(loadFuzzCorpus(repoRoot, { shared: false }), { feeds: 9, pages: 17 });
