/** The page's files: the HTML shell, the stylesheet, and the script bundled on first request. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '@slack/logger';
import { build } from 'esbuild';

/**
 * `npm start` runs a bundle from `dist/`, where `./client/` is not beside the code, so the source folder is
 * found from there too.
 */
const CLIENT_DIR = [
  new URL('./client/', import.meta.url),
  new URL('../src/playground/client/', import.meta.url),
]
  .map((url) => fileURLToPath(url))
  .find((dir) => existsSync(join(dir, 'index.html'))) as string;

export interface PageAssets {
  page: string;
  style: string;
  script(): Promise<string>;
}

export async function loadPageAssets(logger: Logger): Promise<PageAssets> {
  const page = await readFile(`${CLIENT_DIR}index.html`, 'utf8');
  const style = await readFile(`${CLIENT_DIR}style.css`, 'utf8');
  let built: Promise<string> | undefined;
  const script = () => {
    built ??= build({
      entryPoints: [`${CLIENT_DIR}main.ts`],
      bundle: true,
      write: false,
      format: 'esm',
      target: 'es2022',
      logLevel: 'silent',
    }).then((result) => result.outputFiles[0]?.text ?? '');
    // A failed build is retried on the next request rather than cached.
    built.catch(() => {
      built = undefined;
    });
    return built;
  };
  // Built now so the first page load does not wait for it, and a broken client shows up at start.
  script().catch((error: Error) =>
    logger.error(`Playground: the page script does not build: ${error.message}`),
  );
  return { page, style, script };
}
