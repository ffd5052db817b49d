// Where ../shared (the source articles and official series the dataset was compiled from) is.
// CI puts it beside the clone; a local clone of a local checkout finds it beside its origin.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

function candidates(): string[] {
  const list = [process.env.SHARED_DIR ?? '', path.resolve(ROOT, '..', 'shared')];
  try {
    const origin = execFileSync('git', ['remote', 'get-url', 'origin'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    if (origin.startsWith('/')) list.push(path.resolve(origin, '..', 'shared'));
  } catch {
    // not a clone, or no git: the other candidates remain
  }
  return list.filter(Boolean);
}

/** The shared folder, or a thrown error that says where it was looked for. */
export function sharedDir(): string {
  const found = candidates().find((dir) => existsSync(path.join(dir, 'data', 'README.md')));
  if (!found) {
    throw new Error(`../shared not found (looked in ${candidates().join(', ')}); set SHARED_DIR to its path.`);
  }
  return found;
}
