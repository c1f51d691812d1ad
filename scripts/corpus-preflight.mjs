// Before `npm run test:corpus`: it reads every file of the development corpora at
// ../shared/corpora, beside the repository and not part of it. Say so in one line when absent.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const corpora = resolve(dirname(fileURLToPath(import.meta.url)), '../../shared/corpora');
const needed = ['feeds/manifest.json', 'extraction/gold.json', 'extraction/html'];
if (!needed.every((file) => existsSync(join(corpora, file)))) {
  process.stderr.write(
    'npm run test:corpus needs the corpora at ../shared/corpora (feeds/, extraction/) beside the repository; they are not part of it\n',
  );
  process.exit(1);
}
