import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The project's root, found from this file rather than the working directory. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * A folder of the shared test inputs (`recaps`, `wrap-ups`, `content`), which live in `../shared` beside the
 * clone and are never copied into it. Missing, it fails the test that needs it, saying so, rather than
 * letting it pass on less.
 */
export function sharedDir(name: string): string {
  const dir = fileURLToPath(new URL(`../../../shared/${name}/`, import.meta.url));
  if (!existsSync(dir)) {
    throw new Error(
      `Test inputs missing: ${dir} does not exist. The shared inputs (../shared/recaps, ../shared/wrap-ups) must sit beside the clone, in a folder named shared.`,
    );
  }
  return dir;
}
