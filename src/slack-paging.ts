/** Cursor paging of Web API lists, through the WebClient's own `paginate`. */
import type { WebClient } from '@slack/web-api';

/**
 * Every item of a cursor-paginated method, page by page (at most `maxPages`). `Page` is the method's
 * response type, e.g. `ChatScheduledMessagesListResponse`.
 */
export async function collectPages<Page, Item>(
  client: WebClient,
  method: string,
  options: Record<string, unknown>,
  items: (page: Page) => readonly Item[] | undefined,
  maxPages = Number.POSITIVE_INFINITY,
): Promise<Item[]> {
  const found: Item[] = [];
  let pages = 0;
  for await (const page of client.paginate(method, { ...options })) {
    found.push(...(items(page as Page) ?? []));
    pages += 1;
    if (pages >= maxPages) break;
  }
  return found;
}
