// Before `npm test`: the suite runs a real redis-server and Debian's /usr/bin/chromium. When
// one is missing, install it with apt as root (as on a fresh CI machine); otherwise stop
// with one line naming the packages.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const CHROMIUM = '/usr/bin/chromium';

const executable = (file) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};
const onPath = (name) => (process.env.PATH ?? '').split(delimiter).some((dir) => dir && executable(join(dir, name)));
const missing = () => [...(onPath('redis-server') ? [] : ['redis-server']), ...(executable(CHROMIUM) ? [] : ['chromium'])];

let need = missing();
if (need.length > 0 && process.getuid?.() === 0 && onPath('apt-get')) {
  process.stderr.write(`npm test: installing ${need.join(' ')} with apt-get\n`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', ...need],
  ]) {
    const result = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (result.status !== 0) break;
  }
  need = missing();
}
if (need.length > 0) {
  process.stderr.write(
    `npm test needs ${need.join(' and ')}: run \`apt-get install ${need.join(' ')}\` as root (or npm test as root), then npm test again\n`,
  );
  process.exit(1);
}
