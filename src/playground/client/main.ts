/**
 * The playground page: renders server state (pushed over SSE) into a Slack-like channel view and sends what the
 * person types or clicks back to the server. All message markup comes from `render.ts`.
 */
import { compareTs } from '../../slack-timestamps.js';
import { createApi } from './api.js';
import { escapeHtml, type RenderContext, renderBlocks, renderMessage, renderScheduled } from './render.js';
import type { ActionRequest, PlaygroundChannel, PlaygroundMessage, PlaygroundState } from './types.js';

type View = { kind: 'channel'; channel: string } | { kind: 'home' } | { kind: 'scheduled' };

/** Home-tab actions have no message; the server gets this id instead (and the DM channel, if there is one). */
const HOME_MESSAGE_ID = 'home';

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`playground page is missing #${id}`);
  return el as T;
}

const api = createApi();

const ui = {
  sidebar: byId('sidebar'),
  sidebarContent: byId('sidebar-content'),
  navToggle: byId<HTMLButtonElement>('nav-toggle'),
  title: byId('view-title'),
  subtitle: byId('view-subtitle'),
  notices: byId('notices'),
  channelView: byId('channel-view'),
  messageList: byId('message-list'),
  composer: byId<HTMLFormElement>('composer'),
  composerInput: byId<HTMLTextAreaElement>('composer-input'),
  composerLabel: byId('composer-label'),
  homeView: byId('home-view'),
  homeContent: byId('home-content'),
  scheduledView: byId('scheduled-view'),
  scheduledContent: byId('scheduled-content'),
  threadPane: byId('thread-pane'),
  threadList: byId('thread-list'),
  threadClose: byId<HTMLButtonElement>('thread-close'),
  threadComposer: byId<HTMLFormElement>('thread-composer'),
  threadInput: byId<HTMLTextAreaElement>('thread-input'),
};

let state: PlaygroundState | null = null;
let view: View | null = null;
let thread: { channel: string; ts: string } | null = null;
/** After the person sends something, follow the conversation to the bottom even if they had scrolled up. */
let stickToBottom = true;

// ---------------------------------------------------------------------------------------------------------------
// Notices

function showNotice(text: string, kind: 'error' | 'info' = 'error', key?: string): void {
  if (key) ui.notices.querySelector(`[data-notice-key="${CSS.escape(key)}"]`)?.remove();
  const el = document.createElement('div');
  el.className = `notice notice-${kind}`;
  if (key) el.dataset.noticeKey = key;
  el.innerHTML = `<span>${escapeHtml(text)}</span><button type="button" class="notice-close" aria-label="Dismiss">×</button>`;
  ui.notices.append(el);
  if (kind === 'info' || !key) setTimeout(() => el.remove(), kind === 'info' ? 5000 : 15000);
}

function clearNotice(key: string): void {
  ui.notices.querySelector(`[data-notice-key="${CSS.escape(key)}"]`)?.remove();
}

// ---------------------------------------------------------------------------------------------------------------
// State helpers

function renderContext(s: PlaygroundState): RenderContext {
  const userNames: Record<string, string> = { [s.me.id]: s.me.name };
  for (const m of s.messages) if (m.user && m.userName) userNames[m.user] = m.userName;
  const channelNames: Record<string, string> = {};
  for (const c of s.channels) channelNames[c.id] = c.name;
  return s.workspaceUrl === undefined
    ? { userNames, channelNames }
    : { userNames, channelNames, workspaceUrl: s.workspaceUrl };
}

function isThreadReply(m: PlaygroundMessage): boolean {
  return m.threadTs !== undefined && m.threadTs !== m.ts;
}

function repliesOf(s: PlaygroundState, channel: string, ts: string): PlaygroundMessage[] {
  return s.messages
    .filter((m) => m.channel === channel && m.threadTs === ts && m.ts !== ts)
    .sort((a, b) => compareTs(a.ts, b.ts));
}

function channelLabel(c: PlaygroundChannel): string {
  return c.kind === 'im' ? c.name : `#${c.name}`;
}

function defaultView(s: PlaygroundState): View {
  const general = s.channels.find((c) => c.name === 'general') ?? s.channels.find((c) => c.kind !== 'im');
  const first = general ?? s.channels[0];
  return first ? { kind: 'channel', channel: first.id } : { kind: 'scheduled' };
}

function viewFromHash(s: PlaygroundState): View | null {
  const hash = decodeURIComponent(location.hash.slice(1));
  if (hash === 'home') return { kind: 'home' };
  if (hash === 'scheduled') return { kind: 'scheduled' };
  if (hash.startsWith('channel/')) {
    const id = hash.slice('channel/'.length);
    if (s.channels.some((c) => c.id === id)) return { kind: 'channel', channel: id };
  }
  return null;
}

function hashOf(v: View): string {
  return v.kind === 'channel' ? `#channel/${encodeURIComponent(v.channel)}` : `#${v.kind}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering

/**
 * Updates a list in place, keyed by message id: unchanged messages keep their DOM node, so the live region only
 * announces what is new and open menus, toggles and focus inside old messages survive a state push.
 */
const renderedHtml = new WeakMap<Element, string>();
function reconcile(container: HTMLElement, items: Array<{ key: string; html: string }>): void {
  const existing = new Map<string, HTMLElement>();
  for (const child of Array.from(container.children)) {
    // Unkeyed children are static placeholders from the HTML shell ("Connecting…").
    if (child instanceof HTMLElement && child.dataset.key) existing.set(child.dataset.key, child);
    else child.remove();
  }
  let cursor = container.firstElementChild;
  for (const item of items) {
    let el = existing.get(item.key);
    existing.delete(item.key);
    if (!el || renderedHtml.get(el) !== item.html) {
      const template = document.createElement('template');
      template.innerHTML = item.html;
      const fresh = template.content.firstElementChild;
      if (!(fresh instanceof HTMLElement)) continue;
      fresh.dataset.key = item.key;
      renderedHtml.set(fresh, item.html);
      if (el) {
        if (el === cursor) cursor = el.nextElementSibling;
        el.remove();
      }
      el = fresh;
    }
    if (el !== cursor) container.insertBefore(el, cursor);
    cursor = el.nextElementSibling;
  }
  for (const stale of existing.values()) stale.remove();
}

function openJsonIds(container: HTMLElement): Set<string> {
  const open = new Set<string>();
  for (const el of container.querySelectorAll<HTMLDetailsElement>('details.msg-json[open]')) {
    if (el.dataset.jsonFor) open.add(el.dataset.jsonFor);
  }
  return open;
}

function messageItems(
  container: HTMLElement,
  messages: PlaygroundMessage[],
  ctx: RenderContext,
  inThread: boolean,
): Array<{ key: string; html: string }> {
  const open = openJsonIds(container);
  return messages.map((m) => ({
    key: m.id,
    html: renderMessage(m, { ...ctx, inThread, jsonOpen: open.has(m.id) }),
  }));
}

function renderList(
  container: HTMLElement,
  items: Array<{ key: string; html: string }>,
  forceBottom: boolean,
): void {
  const atBottom = container.scrollHeight - container.scrollTop - container.clientHeight < 48;
  const top = container.scrollTop;
  reconcile(container, items);
  container.scrollTop = forceBottom || atBottom ? container.scrollHeight : top;
}

/** Who the person at the keyboard acts as: an announcer, or a member who sees what members are refused. */
function personPicker(s: PlaygroundState): string {
  if (s.people.length < 2) return '';
  const options = s.people
    .map(
      (p) =>
        `<option value="${escapeHtml(p.id)}"${p.id === s.me.id ? ' selected' : ''}>${escapeHtml(p.name)} (${
          p.announcer ? 'announcer' : 'member'
        })</option>`,
    )
    .join('');
  return `<div class="person"><label class="person-label" for="person-select">Acting as</label><select id="person-select" class="person-select">${options}</select></div>`;
}

function renderSidebar(s: PlaygroundState, v: View): void {
  const item = (nav: string, label: string, current: boolean, icon: string, extra = ''): string =>
    `<li><button type="button" class="nav-item" data-nav="${escapeHtml(nav)}"${current ? ' aria-current="page"' : ''}><span class="nav-icon" aria-hidden="true">${icon}</span><span class="nav-label">${escapeHtml(label)}</span>${extra}</button></li>`;
  const channels = s.channels
    .filter((c) => c.kind !== 'im')
    .map((c) =>
      item(
        `channel/${c.id}`,
        c.name,
        v.kind === 'channel' && v.channel === c.id,
        c.kind === 'private' ? '🔒' : '#',
      ),
    )
    .join('');
  const dms = s.channels
    .filter((c) => c.kind === 'im')
    .map((c) => item(`channel/${c.id}`, c.name, v.kind === 'channel' && v.channel === c.id, '●'))
    .join('');
  const count = s.scheduled.length;
  const html = `${personPicker(s)}<h2 class="nav-heading">Channels</h2><ul class="nav-list">${channels}</ul>${
    dms ? `<h2 class="nav-heading">Direct messages</h2><ul class="nav-list">${dms}</ul>` : ''
  }<h2 class="nav-heading">Apps</h2><ul class="nav-list">${item('home', 'App Home', v.kind === 'home', '🏠')}${item(
    'scheduled',
    'Scheduled reminders',
    v.kind === 'scheduled',
    '⏰',
    count > 0 ? `<span class="nav-badge" aria-label="${count} scheduled">${count}</span>` : '',
  )}</ul>`;
  if (renderedHtml.get(ui.sidebarContent) !== html) {
    ui.sidebarContent.innerHTML = html;
    renderedHtml.set(ui.sidebarContent, html);
  }
}

function setHtml(el: HTMLElement, html: string): void {
  if (renderedHtml.get(el) === html) return;
  el.innerHTML = html;
  renderedHtml.set(el, html);
}

function renderChannel(s: PlaygroundState, channelId: string, ctx: RenderContext): void {
  const channel = s.channels.find((c) => c.id === channelId);
  const name = channel ? channelLabel(channel) : channelId;
  ui.title.textContent = name;
  ui.subtitle.textContent =
    channel?.kind === 'im'
      ? 'Direct message with the app'
      : 'Try /hackathon wireguard or @hackathon-bot topics';
  const placeholder = `Message ${name} — try /hackathon wireguard`;
  if (ui.composerInput.placeholder !== placeholder) ui.composerInput.placeholder = placeholder;
  ui.composerLabel.textContent = `Message ${name}`;

  const top = s.messages
    .filter((m) => m.channel === channelId && !isThreadReply(m))
    .sort((a, b) => compareTs(a.ts, b.ts))
    .map((m) =>
      m.replyCount === undefined ? { ...m, replyCount: repliesOf(s, m.channel, m.ts).length } : m,
    );
  const items = messageItems(ui.messageList, top, ctx, false);
  if (items.length === 0) {
    items.push({
      key: 'empty',
      html: `<p class="empty">No messages in ${escapeHtml(name)} yet. Type <kbd>/hackathon wireguard</kbd> or <kbd>@hackathon-bot topics</kbd> below.</p>`,
    });
  }
  renderList(ui.messageList, items, stickToBottom);
}

function renderThread(s: PlaygroundState, ctx: RenderContext): void {
  if (!thread) {
    ui.threadPane.hidden = true;
    document.body.classList.remove('thread-open');
    return;
  }
  ui.threadPane.hidden = false;
  document.body.classList.add('thread-open');
  const { channel, ts } = thread;
  const root = s.messages.find((m) => m.channel === channel && m.ts === ts);
  const replies = repliesOf(s, channel, ts);
  const items = messageItems(ui.threadList, root ? [root, ...replies] : replies, ctx, true);
  if (!root)
    items.unshift({ key: 'missing', html: '<p class="empty">The thread’s first message is gone.</p>' });
  if (root && replies.length > 0) {
    items.splice(1, 0, {
      key: 'divider',
      html: `<div class="thread-divider"><span>${replies.length} ${replies.length === 1 ? 'reply' : 'replies'}</span></div>`,
    });
  }
  renderList(ui.threadList, items, stickToBottom);
}

function render(): void {
  if (!state) return;
  const s = state;
  const current = view;
  const v =
    current && (current.kind !== 'channel' || s.channels.some((c) => c.id === current.channel))
      ? current
      : (viewFromHash(s) ?? defaultView(s));
  view = v;
  const ctx = renderContext(s);
  renderSidebar(s, v);

  ui.channelView.hidden = v.kind !== 'channel';
  ui.homeView.hidden = v.kind !== 'home';
  ui.scheduledView.hidden = v.kind !== 'scheduled';

  if (v.kind === 'channel') {
    renderChannel(s, v.channel, ctx);
  } else if (v.kind === 'home') {
    ui.title.textContent = 'App Home';
    ui.subtitle.textContent = 'What the app publishes with views.publish';
    const dm = s.channels.find((c) => c.kind === 'im');
    ui.homeContent.dataset.channel = dm?.id ?? '';
    setHtml(
      ui.homeContent,
      s.home
        ? renderBlocks(s.home.blocks, ctx)
        : '<p class="empty">The app has not published a Home tab yet (waiting for app_home_opened)…</p>',
    );
  } else {
    ui.title.textContent = 'Scheduled reminders';
    ui.subtitle.textContent = `Times in ${Intl.DateTimeFormat().resolvedOptions().timeZone}`;
    setHtml(ui.scheduledContent, renderScheduled(s.scheduled, s.channels, ctx));
  }
  renderThread(s, ctx);
  stickToBottom = false;
}

// ---------------------------------------------------------------------------------------------------------------
// Navigation

function navigate(next: View): void {
  const changed = JSON.stringify(next) !== JSON.stringify(view);
  view = next;
  if (location.hash !== hashOf(next)) history.replaceState(null, '', hashOf(next));
  setSidebarOpen(false);
  if (changed) {
    thread = null;
    stickToBottom = true;
  }
  render();
  if (next.kind === 'home') {
    void api.openHome().then((result) => {
      if (!result.ok) showNotice(`Opening App Home failed: ${result.error}`);
    });
  }
  if (next.kind === 'channel') ui.composerInput.focus({ preventScroll: true });
}

function setSidebarOpen(open: boolean): void {
  ui.navToggle.setAttribute('aria-expanded', String(open));
  document.body.classList.toggle('sidebar-open', open);
}

function openThread(channel: string, ts: string): void {
  thread = { channel, ts };
  stickToBottom = true;
  render();
  ui.threadInput.focus();
}

function closeThread(): void {
  const previous = thread;
  thread = null;
  render();
  const opener = previous
    ? ui.messageList.querySelector<HTMLElement>(`[data-open-thread="${CSS.escape(previous.ts)}"]`)
    : null;
  opener?.focus();
}

/** A permalink into this workspace: the message's channel (and thread), scrolled to and flashed. */
function showPermalink(channel: string, ts: string, threadTs: string | undefined): void {
  if (!state?.channels.some((c) => c.id === channel)) {
    showNotice('That message is in a conversation you are not in.', 'info');
    return;
  }
  navigate({ kind: 'channel', channel });
  if (threadTs) openThread(channel, threadTs);
  const list = threadTs ? ui.threadList : ui.messageList;
  const message = list.querySelector<HTMLElement>(`.msg[data-ts="${CSS.escape(ts)}"]`);
  if (!message) {
    showNotice('That message is no longer there.', 'info');
    return;
  }
  for (const earlier of document.querySelectorAll('.msg-linked')) earlier.classList.remove('msg-linked');
  message.scrollIntoView({ block: 'center' });
  // Read layout once, so following the same link twice restarts the flash.
  void message.offsetWidth;
  message.classList.add('msg-linked');
}

// ---------------------------------------------------------------------------------------------------------------
// Sending

async function sendFrom(input: HTMLTextAreaElement, threadTs?: string): Promise<void> {
  const text = input.value.trim();
  if (!text || !view || view.kind !== 'channel') return;
  const channel = thread && threadTs ? thread.channel : view.channel;
  input.disabled = true;
  // Set before the request: the server may push the new state before it answers.
  stickToBottom = true;
  const result = await api.send(threadTs ? { channel, text, threadTs } : { channel, text });
  input.disabled = false;
  input.focus();
  if (result.ok) {
    input.value = '';
    autosize(input);
    clearNotice('send');
  } else {
    showNotice(`Not sent: ${result.error}`, 'error', 'send');
  }
}

function autosize(input: HTMLTextAreaElement): void {
  input.style.height = 'auto';
  input.style.height = `${Math.min(input.scrollHeight, 200)}px`;
}

function wireComposer(
  form: HTMLFormElement,
  input: HTMLTextAreaElement,
  threadTs: () => string | undefined,
): void {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void sendFrom(input, threadTs());
  });
  input.addEventListener('keydown', (event) => {
    // isComposing: Enter that confirms an IME candidate must not send the message.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  input.addEventListener('input', () => autosize(input));
}

async function sendAction(el: HTMLElement, extra: Partial<ActionRequest>): Promise<void> {
  const host = el.closest<HTMLElement>('[data-message-id]');
  const inHome = ui.homeContent.contains(el);
  const actionId = el.dataset.actionId;
  if (actionId === undefined) return;
  const request: ActionRequest = {
    messageId: inHome ? HOME_MESSAGE_ID : (host?.dataset.messageId ?? ''),
    channel: inHome ? (ui.homeContent.dataset.channel ?? '') : (host?.dataset.channel ?? ''),
    actionId,
    ...extra,
  };
  if (el.dataset.blockId !== undefined) request.blockId = el.dataset.blockId;
  if (request.value === undefined && el.dataset.value !== undefined) request.value = el.dataset.value;
  el.setAttribute('aria-busy', 'true');
  const result = await api.action(request);
  el.removeAttribute('aria-busy');
  if (!result.ok) showNotice(`Action “${actionId}” failed: ${result.error}`);
}

function onClick(event: MouseEvent): void {
  if (!(event.target instanceof Element)) return;
  const target = event.target;

  const dismiss = target.closest('.notice-close');
  if (dismiss) {
    dismiss.closest('.notice')?.remove();
    return;
  }

  const nav = target.closest<HTMLElement>('[data-nav]');
  if (nav?.dataset.nav) {
    const value = nav.dataset.nav;
    if (value === 'home' || value === 'scheduled') navigate({ kind: value });
    else if (value.startsWith('channel/'))
      navigate({ kind: 'channel', channel: value.slice('channel/'.length) });
    return;
  }

  const permalink = target.closest<HTMLElement>('[data-permalink-ts]');
  if (permalink?.dataset.permalinkTs && permalink.dataset.permalinkChannel) {
    event.preventDefault();
    showPermalink(
      permalink.dataset.permalinkChannel,
      permalink.dataset.permalinkTs,
      permalink.dataset.permalinkThread,
    );
    return;
  }

  const threadButton = target.closest<HTMLElement>('[data-open-thread]');
  if (threadButton?.dataset.openThread && threadButton.dataset.channel) {
    openThread(threadButton.dataset.channel, threadButton.dataset.openThread);
    return;
  }

  const actionEl = target.closest<HTMLElement>('[data-action-id]');
  if (!actionEl || actionEl instanceof HTMLSelectElement) return;
  const confirmText = actionEl.dataset.confirm;
  if (confirmText && !window.confirm(confirmText)) {
    event.preventDefault();
    return;
  }
  // URL buttons keep their default (a new tab) and still send the action, as Slack does.
  if (actionEl.dataset.kind === 'overflow') {
    actionEl.closest('details')?.removeAttribute('open');
    const url = actionEl.dataset.url;
    if (url) window.open(url, '_blank', 'noopener,noreferrer');
    const value = actionEl.dataset.value ?? '';
    void sendAction(actionEl, {
      value,
      selectedOption: { text: { type: 'plain_text', text: actionEl.dataset.optionText ?? '' }, value },
    });
    return;
  }
  void sendAction(actionEl, {});
}

async function actAs(user: string): Promise<void> {
  // Their threads and channels are not necessarily the previous person's.
  thread = null;
  const result = await api.actAs({ user });
  if (!result.ok) showNotice(`Could not switch person: ${result.error}`, 'error', 'person');
  else clearNotice('person');
}

function onChange(event: Event): void {
  const select = event.target;
  if (select instanceof HTMLSelectElement && select.id === 'person-select') {
    void actAs(select.value);
    return;
  }
  if (!(select instanceof HTMLSelectElement) || select.dataset.actionId === undefined) return;
  const option = select.selectedOptions[0];
  if (!option) return;
  void sendAction(select, {
    value: option.value,
    selectedOption: { text: { type: 'plain_text', text: option.text }, value: option.value },
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Start

function applyState(next: PlaygroundState): void {
  state = next;
  render();
}

async function start(): Promise<void> {
  document.addEventListener('click', onClick);
  document.addEventListener('change', onChange);
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    if (document.body.classList.contains('sidebar-open')) setSidebarOpen(false);
    else if (thread) closeThread();
  });
  ui.navToggle.addEventListener('click', () =>
    setSidebarOpen(ui.navToggle.getAttribute('aria-expanded') !== 'true'),
  );
  ui.threadClose.addEventListener('click', closeThread);
  wireComposer(ui.composer, ui.composerInput, () => undefined);
  wireComposer(ui.threadComposer, ui.threadInput, () => thread?.ts);
  window.addEventListener('hashchange', () => {
    const next = state ? viewFromHash(state) : null;
    if (next) navigate(next);
  });

  const initial = await api.getState();
  if ('error' in initial) {
    ui.messageList.innerHTML = `<p class="empty">Could not load the playground: ${escapeHtml(initial.error)}</p>`;
    showNotice(initial.error, 'error', 'load');
  } else {
    applyState(initial);
    if (view?.kind === 'home') navigate(view);
  }

  let wasConnected = true;
  api.subscribe(
    (next) => {
      clearNotice('load');
      applyState(next);
    },
    (connected) => {
      if (connected && !wasConnected) {
        clearNotice('connection');
        showNotice('Reconnected to the playground server.', 'info', 'connection');
      } else if (!connected && wasConnected) {
        showNotice('Lost the connection to the playground server — retrying…', 'error', 'connection');
      }
      wasConnected = connected;
    },
  );
}

void start();
