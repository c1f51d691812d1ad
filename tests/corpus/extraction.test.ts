import path from 'node:path';
import { extractionCorpusSuite, sharedCorpora } from '../helpers/corpus-suites.js';

// Every page of the shared corpus (npm run test:corpus); the unit tests run the sample in tests/fixtures/corpus.
extractionCorpusSuite(path.join(sharedCorpora, 'extraction'), 120);
