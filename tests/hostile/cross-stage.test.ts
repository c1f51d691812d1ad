import { loadFuzzCorpus } from '../../src/fuzz/corpus.js';
import { crossStageSuite, repoRoot } from '../helpers/corpus-suites.js';

// The feed and page fixtures (the corpus sample included) through both stages; npm run test:corpus adds every shared corpus file.
// Five of the 17 page fixtures are deliberately not articles (index, paywall, too short, video, a feed's HTML page).
crossStageSuite(loadFuzzCorpus(repoRoot, { shared: false }), { feeds: 9, pages: 17, okShare: 0.6 });
