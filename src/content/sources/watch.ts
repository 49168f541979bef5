import path from 'node:path';
import { type FSWatcher, watch } from 'chokidar';

/**
 * Watches a content folder (sub-folders too) and reports a burst of changes once it has settled: saving
 * a file is often several events (an editor's temporary file, a rename, a write), and a git pull or a
 * copy of many files is many more.
 */

export interface FolderWatch {
  /** Resolves once the folder has been scanned: changes after this are reported. */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

/** Quiet time before a burst is reported; a burst that never settles is reported after `MAX_WAIT_MS`. */
export const SETTLE_MS = 150;
const MAX_WAIT_MS = 2_000;

/** Content files (recaps, the next event, synonyms); and folders, whose removal takes their recaps along. */
const CONTENT_FILE = /\.(md|ya?ml)$/i;

export function watchFolder(
  dir: string,
  onChange: (files: string[]) => void,
  options: { settleMs?: number; onError?: (error: Error) => void } = {},
): FolderWatch {
  const settleMs = options.settleMs ?? SETTLE_MS;
  const root = path.resolve(dir);
  const watcher: FSWatcher = watch(root, {
    ignoreInitial: true,
    // Hidden files are editors' swap files and backups, and `.git`; `node_modules` is never content.
    ignored: (file) => {
      if (path.resolve(file) === root) return false;
      const name = path.basename(file);
      return name.startsWith('.') || name === 'node_modules' || name.endsWith('~');
    },
  });
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let firstAt = 0;
  const flush = () => {
    timer = undefined;
    const files = [...pending].sort();
    pending = new Set();
    if (files.length > 0) onChange(files);
  };
  watcher.on('all', (event, file) => {
    if (!CONTENT_FILE.test(file) && event !== 'addDir' && event !== 'unlinkDir') return;
    if (pending.size === 0) firstAt = Date.now();
    pending.add(path.relative(root, file).split(path.sep).join('/') || '.');
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, Date.now() - firstAt >= MAX_WAIT_MS ? 0 : settleMs);
  });
  watcher.on('error', (error) => options.onError?.(error as Error));
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    async close() {
      if (timer) clearTimeout(timer);
      await watcher.close();
    },
  };
}
