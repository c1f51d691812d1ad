import path from 'node:path';
import { feedCorpusSuite, sampleCorpora } from '../../helpers/corpus-suites.js';

// The sample of the feed corpus kept in the repository; npm run test:corpus runs every corpus feed.
feedCorpusSuite(path.join(sampleCorpora, 'feeds'), 8);
