import path from 'node:path';
import { feedCorpusSuite, sharedCorpora } from '../helpers/corpus-suites.js';

// Every feed of the shared corpus (npm run test:corpus); the unit tests run the sample in tests/fixtures/corpus.
feedCorpusSuite(path.join(sharedCorpora, 'feeds'), 300);
