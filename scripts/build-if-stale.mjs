// `npm start` runs this before `node dist/src/main.js`: it compiles only when a source is newer
// than the last build, so a start after the first one takes the hub's own start-up time, not
// tsc's (11–69 s on 2 cores). A fresh clone has no dist/, so `npm ci && npm start` still builds.
// Plain JavaScript on purpose: it has to run before anything is compiled.
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
/** Written after a successful build; its mtime is when that build started. */
const stamp = join(root, 'dist', '.build-stamp');
/** What the build reads. Directories count too: a deleted or renamed file changes its folder's mtime. */
const inputs = ['src', 'connectors', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

function newestMtime(path) {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return 0;
  }
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function builtAt() {
  try {
    return statSync(stamp).mtimeMs;
  } catch {
    return -1;
  }
}

const sourcesAt = Math.max(...inputs.map((input) => newestMtime(join(root, input))));
if (sourcesAt >= builtAt()) {
  const started = new Date();
  process.stderr.write('building (sources are newer than dist/) …\n');
  // A clean build: output of a source that was deleted must not linger (connectors are discovered from dist/).
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  const tsc = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json')], {
    stdio: 'inherit',
  });
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
  writeFileSync(stamp, `${started.toISOString()}\n`);
  // The stamp's time is when the build started: a source saved during the build is newer, so it is built next time.
  const at = started.getTime() / 1000;
  utimesSync(stamp, at, at);
}
