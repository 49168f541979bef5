import { describe, expect, it } from 'vitest';
import { parseResult, parseState } from '../src/playground/client/api.js';
import {
  escapeHtml,
  renderBlocks,
  renderMessage,
  renderMrkdwn,
  renderScheduled,
} from '../src/playground/client/render.js';
import type { PlaygroundMessage } from '../src/playground/client/types.js';

/** No tag the browser would execute or load, and no event handler attribute inside any tag. */
function expectInert(html: string): void {
  expect(html).not.toMatch(/<\s*(script|img|iframe|svg|object|embed|style)\b/i);
  const tags = html.match(/<[^>]*>/g) ?? [];
  // Quoted attribute values are data, not attributes, so handler-looking text inside them is harmless.
  for (const tag of tags) expect(tag.replace(/"[^"]*"/g, '""')).not.toMatch(/\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/href="\s*javascript:/i);
}

describe('renderMrkdwn formatting', () => {
  it('renders bold, italic, strike and inline code', () => {
    expect(renderMrkdwn('*bold* _italic_ ~gone~ `x < y`')).toBe(
      '<strong>bold</strong> <em>italic</em> <del>gone</del> <code>x &lt; y</code>',
    );
  });

  it('leaves markers inside words alone', () => {
    expect(renderMrkdwn('snake_case_name and 2*3*4')).toBe('snake_case_name and 2*3*4');
  });

  it('does not format inside code spans', () => {
    expect(renderMrkdwn('`*not bold*`')).toBe('<code>*not bold*</code>');
  });

  it('renders ``` blocks as pre, escaped and unformatted', () => {
    const html = renderMrkdwn('before\n```\nconst a = *b* <c>;\n```\nafter');
    expect(html).toBe('before<pre class="pre">const a = *b* &lt;c&gt;;</pre>after');
  });

  it('groups > lines into one blockquote and keeps other lines', () => {
    expect(renderMrkdwn('> one\n> two\nplain')).toBe('<blockquote>one<br>two</blockquote>plain');
    expect(renderMrkdwn('&gt; escaped quote')).toBe('<blockquote>escaped quote</blockquote>');
  });

  it('keeps bullet and numbered lines as separate lines', () => {
    expect(renderMrkdwn('• one\n- two\n1. three')).toBe('• one<br>- two<br>1. three');
  });

  it('renders links with a label and bare links, in a new tab without opener', () => {
    const html = renderMrkdwn('<https://example.org/a?b=1&amp;c=2|the docs> and <https://example.org>');
    expect(html).toBe(
      '<a href="https://example.org/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">the docs</a> and ' +
        '<a href="https://example.org" target="_blank" rel="noopener noreferrer">https://example.org</a>',
    );
  });

  it('wraps links in emphasis', () => {
    expect(renderMrkdwn('*<https://x.org|title>*')).toBe(
      '<strong><a href="https://x.org" target="_blank" rel="noopener noreferrer">title</a></strong>',
    );
  });

  it('keeps permalinks into the playground workspace on the page, and other Slack links external', () => {
    const ctx = { workspaceUrl: 'https://playground.slack.com/' };
    expect(
      renderMrkdwn('<https://playground.slack.com/archives/C_GENERAL/p1700000000123456|earlier>', ctx),
    ).toBe(
      '<a class="permalink" href="#channel/C_GENERAL" data-permalink-channel="C_GENERAL" data-permalink-ts="1700000000.123456">earlier</a>',
    );
    const reply = renderMrkdwn(
      '<https://playground.slack.com/archives/C1/p1700000001000002?thread_ts=1700000000.123456&amp;cid=C1>',
      ctx,
    );
    expect(reply).toContain(
      'data-permalink-ts="1700000001.000002" data-permalink-thread="1700000000.123456"',
    );
    const elsewhere = '<https://gardener.slack.com/archives/C1/p1700000000123456|theirs>';
    expect(renderMrkdwn(elsewhere, ctx)).toContain(
      'href="https://gardener.slack.com/archives/C1/p1700000000123456" target="_blank"',
    );
    // Without the workspace's address the page cannot tell, and links as usual.
    expect(renderMrkdwn('<https://playground.slack.com/archives/C1/p1700000000123456>')).toContain(
      'target="_blank"',
    );
    expect(renderMrkdwn('<https://playground.slack.com/archives/C1/pnot-a-ts|x>', ctx)).toContain(
      'target="_blank"',
    );
  });

  it('links mailto', () => {
    expect(renderMrkdwn('<mailto:team@example.org|mail us>')).toContain('href="mailto:team@example.org"');
  });

  it('renders user, channel and special mentions as non-live spans', () => {
    const html = renderMrkdwn('<@U123> <#C9|general> <#C8> <!here> <!channel>', {
      userNames: { U123: 'ada' },
      channelNames: { C8: 'random' },
    });
    expect(html).toContain('<span class="mention mention-user" title="U123">@ada</span>');
    expect(html).toContain('#general</span>');
    expect(html).toContain('#random</span>');
    expect(html).toContain('<span class="mention mention-broadcast">@here</span>');
    expect(html).toContain('<span class="mention mention-broadcast">@channel</span>');
    expect(html).not.toContain('<a ');
  });

  it('shows the fallback of a date token', () => {
    const html = renderMrkdwn('<!date^1700000000^{date_short}|Nov 14, 2023>');
    expect(html).toBe('<time class="date" datetime="2023-11-14T22:13:20.000Z">Nov 14, 2023</time>');
  });

  it('decodes Slack escapes and re-escapes them for HTML', () => {
    expect(renderMrkdwn('a &amp; b &lt;tag&gt; &amp;lt;')).toBe('a &amp; b &lt;tag&gt; &amp;lt;');
  });

  it('turns newlines into <br> and known emoji shortcodes into Unicode', () => {
    expect(renderMrkdwn('hi :rocket:\n:not_an_emoji: 10:30:00')).toBe('hi 🚀<br>:not_an_emoji: 10:30:00');
  });
});

describe('renderMrkdwn safety', () => {
  it('does not link javascript: or data: URLs', () => {
    const html = renderMrkdwn('<javascript:alert(1)|click me> <data:text/html,hi|data> <JAVASCRIPT:x>');
    expect(html).not.toContain('<a ');
    expect(html).toContain('click me');
    expectInert(html);
  });

  it('renders raw script and img tags as text', () => {
    const html = renderMrkdwn('<script>alert(1)</script> <img src=x onerror=alert(1)>');
    expect(html).toBe('&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;');
    expectInert(html);
  });

  it('keeps escaped control sequences inert', () => {
    const html = renderMrkdwn('&lt;!channel&gt; &lt;@U1&gt;');
    expect(html).toBe('&lt;!channel&gt; &lt;@U1&gt;');
    expect(html).not.toContain('mention');
  });

  it('escapes quotes in link labels and URLs', () => {
    const html = renderMrkdwn('<https://x.org/" onmouseover="alert(1)|a "label">');
    expect(html).toContain('href="https://x.org/&quot; onmouseover=&quot;alert(1)"');
    expectInert(html);
  });

  it('cannot forge the internal placeholders', () => {
    const html = renderMrkdwn('\uE0000\uE001 <https://x.org|ok>');
    expect(html).toContain('\uFFFD');
    expect(html.match(/<a /g)).toHaveLength(1);
  });
});

describe('renderBlocks', () => {
  it('renders a header as a heading', () => {
    expect(renderBlocks([{ type: 'header', text: { type: 'plain_text', text: 'Topics <3' } }])).toBe(
      '<div class="blk blk-header" role="heading" aria-level="3">Topics &lt;3</div>',
    );
  });

  it('renders a section with mrkdwn text, fields and a button accessory', () => {
    const html = renderBlocks([
      {
        type: 'section',
        block_id: 'b1',
        text: { type: 'mrkdwn', text: '*WireGuard*' },
        fields: [
          { type: 'mrkdwn', text: '*Where*\nRoom 1' },
          { type: 'plain_text', text: 'When' },
        ],
        accessory: {
          type: 'button',
          action_id: 'pick_topic:0',
          value: 'r/t',
          text: { type: 'plain_text', text: 'Pick' },
        },
      },
    ]);
    expect(html).toContain('<strong>WireGuard</strong>');
    expect(html).toContain('<div class="fields"><div class="field"><strong>Where</strong><br>Room 1</div>');
    expect(html).toContain(
      '<button type="button" class="btn" data-action-id="pick_topic:0" data-value="r/t" data-block-id="b1">Pick</button>',
    );
  });

  it('renders image and overflow accessories', () => {
    const image = renderBlocks([
      {
        type: 'section',
        text: { type: 'plain_text', text: 't' },
        accessory: { type: 'image', image_url: 'https://x.org/a.png', alt_text: 'a "cat"' },
      },
    ]);
    expect(image).toContain('<img class="accessory-img" src="https://x.org/a.png" alt="a &quot;cat&quot;"');
    const overflow = renderBlocks([
      {
        type: 'section',
        block_id: 'b2',
        text: { type: 'plain_text', text: 't' },
        accessory: {
          type: 'overflow',
          action_id: 'more',
          options: [{ text: { type: 'plain_text', text: 'Share' }, value: 'share' }],
        },
      },
    ]);
    expect(overflow).toContain('<details class="overflow">');
    expect(overflow).toContain(
      'data-kind="overflow" data-action-id="more" data-value="share" data-block-id="b2"',
    );
    expect(overflow).toContain('data-option-text="Share"');
  });

  it('renders a divider', () => {
    expect(renderBlocks([{ type: 'divider' }])).toBe('<hr class="blk blk-divider">');
  });

  it('renders context text and images', () => {
    const html = renderBlocks([
      {
        type: 'context',
        elements: [
          { type: 'mrkdwn', text: '_from_ recap' },
          { type: 'image', image_url: 'https://x.org/i.png', alt_text: 'icon' },
        ],
      },
    ]);
    expect(html).toContain('<span class="context-text"><em>from</em> recap</span>');
    expect(html).toContain('class="context-img" src="https://x.org/i.png" alt="icon"');
  });

  it('renders an image block with title, and refuses non-http image sources', () => {
    const html = renderBlocks([
      {
        type: 'image',
        image_url: 'https://x.org/big.png',
        alt_text: 'diagram',
        title: { type: 'plain_text', text: 'Diagram' },
      },
    ]);
    expect(html).toContain('<figcaption>Diagram</figcaption>');
    expect(html).toContain('src="https://x.org/big.png"');
    const bad = renderBlocks([{ type: 'image', image_url: 'javascript:alert(1)', alt_text: 'x' }]);
    expect(bad).not.toContain('<img');
    expectInert(bad);
  });

  it('renders actions with styles, URL buttons and data attributes', () => {
    const html = renderBlocks([
      {
        type: 'actions',
        block_id: 'acts',
        elements: [
          {
            type: 'button',
            action_id: 'announce_post',
            value: 'v1',
            style: 'primary',
            text: { type: 'plain_text', text: 'Post' },
          },
          {
            type: 'button',
            action_id: 'announce_cancel',
            style: 'danger',
            text: { type: 'plain_text', text: 'Cancel' },
          },
          {
            type: 'button',
            action_id: 'link:video',
            url: 'https://video.example/1',
            text: { type: 'plain_text', text: 'Video' },
          },
          {
            type: 'button',
            action_id: 'evil',
            url: 'javascript:alert(1)',
            text: { type: 'plain_text', text: 'Evil' },
          },
        ],
      },
    ]);
    expect(html).toContain(
      '<button type="button" class="btn btn-primary" data-action-id="announce_post" data-value="v1" data-block-id="acts">Post</button>',
    );
    expect(html).toContain('class="btn btn-danger" data-action-id="announce_cancel" data-block-id="acts"');
    expect(html).toContain(
      '<a class="btn" href="https://video.example/1" target="_blank" rel="noopener noreferrer" data-action-id="link:video" data-block-id="acts">',
    );
    expect(html).toContain(
      '<button type="button" class="btn" data-action-id="evil" data-block-id="acts">Evil</button>',
    );
    expectInert(html);
  });

  it('renders a static_select with its options and a confirm prompt on buttons', () => {
    const html = renderBlocks([
      {
        type: 'actions',
        block_id: 'pick',
        elements: [
          {
            type: 'static_select',
            action_id: 'choose',
            placeholder: { type: 'plain_text', text: 'Choose a topic' },
            options: [
              { text: { type: 'plain_text', text: 'One' }, value: '1' },
              { text: { type: 'plain_text', text: 'Two' }, value: '2' },
            ],
            initial_option: { text: { type: 'plain_text', text: 'Two' }, value: '2' },
          },
          {
            type: 'button',
            action_id: 'sure',
            text: { type: 'plain_text', text: 'Delete' },
            confirm: {
              title: { type: 'plain_text', text: 'Really?' },
              text: { type: 'plain_text', text: 'Gone.' },
            },
          },
        ],
      },
    ]);
    expect(html).toContain(
      '<select class="select" data-kind="static_select" data-action-id="choose" data-block-id="pick"',
    );
    expect(html).toContain('aria-label="Choose a topic"');
    expect(html).toContain('<option value="2" selected>Two</option>');
    expect(html).toContain('data-confirm="Really?\n\nGone."');
  });

  it('renders basic rich_text', () => {
    const html = renderBlocks([
      {
        type: 'rich_text',
        elements: [
          {
            type: 'rich_text_section',
            elements: [
              { type: 'text', text: 'Hi ', style: { bold: true } },
              { type: 'user', user_id: 'U1' },
              { type: 'emoji', name: 'rocket', unicode: '1f680' },
              { type: 'link', url: 'https://x.org', text: 'x' },
            ],
          },
          {
            type: 'rich_text_list',
            style: 'ordered',
            elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: 'first' }] }],
          },
          { type: 'rich_text_preformatted', elements: [{ type: 'text', text: '<b>' }] },
          { type: 'rich_text_quote', elements: [{ type: 'text', text: 'q' }] },
        ],
      },
    ]);
    expect(html).toContain('<strong>Hi </strong>');
    expect(html).toContain('@U1</span>');
    expect(html).toContain('🚀');
    expect(html).toContain('href="https://x.org"');
    expect(html).toContain('<ol class="rt-list rt-indent-0"><li>first</li></ol>');
    expect(html).toContain('<pre class="pre">&lt;b&gt;</pre>');
    expect(html).toContain('<blockquote>q</blockquote>');
  });

  it('shows unknown block types as a note', () => {
    expect(renderBlocks([{ type: 'fancy_new_block' }])).toBe(
      '<div class="blk blk-unsupported">Unsupported block: fancy_new_block</div>',
    );
  });

  it('never throws on malformed input', () => {
    const garbage: unknown[] = [
      null,
      undefined,
      42,
      'section',
      [],
      {},
      { type: 'section' },
      { type: 'section', text: 'not an object', fields: 'nope', accessory: 7 },
      { type: 'section', text: { type: 'mrkdwn', text: 5 } },
      { type: 'actions', elements: [null, { type: 'button' }, { type: 'overflow', options: [null, 3] }] },
      { type: 'context', elements: 'x' },
      { type: 'image' },
      {
        type: 'rich_text',
        elements: [{ type: 'rich_text_list', elements: [null] }, { type: 'rich_text_section' }],
      },
      {
        type: 'rich_text',
        elements: [{ type: 'rich_text_section', elements: [{ type: 'emoji', unicode: 'zz-top' }] }],
      },
      { type: 'header', text: { type: 'plain_text' } },
      { type: { nested: true } },
    ];
    let html = '';
    expect(() => {
      html = renderBlocks(garbage);
    }).not.toThrow();
    expect(html).toContain('Unsupported block (not an object)');
    expect(html).toContain('Unsupported block (no type)');
    expect(() => renderBlocks('not an array' as unknown as unknown[])).not.toThrow();
  });

  it('escapes text everywhere inside blocks', () => {
    const html = renderBlocks([
      { type: 'header', text: { type: 'plain_text', text: '<script>alert(1)</script>' } },
      { type: 'section', text: { type: 'mrkdwn', text: '<img src=x onerror=alert(1)>' } },
      {
        type: 'actions',
        block_id: '"><script>',
        elements: [
          {
            type: 'button',
            action_id: '"onclick="x',
            value: '<v>',
            text: { type: 'plain_text', text: '<b>b</b>' },
          },
        ],
      },
    ]);
    expectInert(html);
    expect(html).toContain('data-action-id="&quot;onclick=&quot;x"');
    expect(html).toContain('data-block-id="&quot;&gt;&lt;script&gt;"');
  });
});

function message(overrides: Partial<PlaygroundMessage> = {}): PlaygroundMessage {
  return {
    id: 'm1',
    ts: '1700000000.000100',
    channel: 'C1',
    isBot: true,
    text: 'fallback',
    ...overrides,
  };
}

describe('renderMessage', () => {
  it('shows the bot with an APP badge, the time and the blocks', () => {
    const html = renderMessage(
      message({ blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*hi*' } }] }),
      { timeZone: 'UTC', locale: 'en-US' },
    );
    expect(html).toContain(
      '<span class="msg-author">hackathon-bot</span> <span class="badge-app">APP</span>',
    );
    expect(html).toContain('<time class="msg-time" datetime="2023-11-14T22:13:20.000Z">10:13 PM</time>');
    expect(html).toContain('<strong>hi</strong>');
    expect(html).toContain('data-message-id="m1" data-channel="C1"');
    expect(html).not.toContain('<div class="mrkdwn">fallback</div>');
  });

  it('falls back to the text when there are no blocks, and shows the user', () => {
    const html = renderMessage(
      message({ isBot: false, user: 'U1', userName: 'ada', text: '/hackathon *x*' }),
    );
    expect(html).toContain('<span class="msg-author">ada</span>');
    expect(html).not.toContain('badge-app');
    expect(html).toContain('<div class="mrkdwn">/hackathon <strong>x</strong></div>');
  });

  it('marks ephemeral messages and offers no thread on them', () => {
    const html = renderMessage(message({ ephemeral: true }));
    expect(html).toContain('Only visible to you');
    expect(html).toContain('msg-ephemeral');
    expect(html).not.toContain('data-open-thread');
    expect(renderMessage(message())).not.toContain('Only visible to you');
  });

  it('shows the reply count and a View thread control, or a Reply control', () => {
    const withReplies = renderMessage(message({ replyCount: 3 }));
    expect(withReplies).toContain(
      'data-open-thread="1700000000.000100" data-channel="C1">3 replies · View thread',
    );
    expect(renderMessage(message({ replyCount: 1 }))).toContain('1 reply · View thread');
    expect(renderMessage(message())).toContain('>Reply</button>');
    expect(renderMessage(message({ replyCount: 3 }), { inThread: true })).not.toContain('data-open-thread');
    expect(renderMessage(message({ threadTs: '1.0' }))).not.toContain('data-open-thread');
  });

  it('shows exactly { text, blocks } in an escaped JSON toggle', () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '</code><script>alert(1)</script>' } }];
    const html = renderMessage(message({ text: 'a & b', blocks }));
    const json =
      /<details class="msg-json" data-json-for="m1"><summary>Block Kit JSON<\/summary><pre class="json"><code>([\s\S]*?)<\/code><\/pre><\/details>/.exec(
        html,
      );
    expect(json).not.toBeNull();
    const shown = json![1]!.replace(/&(amp|lt|gt|quot|#39);/g, (_m, e: string) =>
      e === 'amp' ? '&' : e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : "'",
    );
    expect(JSON.parse(shown)).toEqual({ text: 'a & b', blocks });
    expect(json![1]).not.toContain('<');
    expect(renderMessage(message(), { jsonOpen: true })).toContain('data-json-for="m1" open>');
  });

  it('escapes names and ids', () => {
    const html = renderMessage(
      message({
        id: '"x',
        isBot: false,
        userName: '<img src=x onerror=alert(1)>',
        text: '<script>1</script>',
      }),
    );
    expectInert(html);
    expect(html).toContain('data-message-id="&quot;x"');
  });
});

describe('renderScheduled', () => {
  it('lists reminders by time with channel names', () => {
    const html = renderScheduled(
      [
        { id: 's2', channel: 'C2', postAt: 1700003600, text: 'later' },
        { id: 's1', channel: 'C1', postAt: 1700000000, text: '*soon*' },
      ],
      [
        { id: 'C1', name: 'general', kind: 'public' },
        { id: 'C2', name: 'random', kind: 'public' },
      ],
      { timeZone: 'UTC', locale: 'en-US' },
    );
    expect(html.indexOf('s1')).toBeLessThan(html.indexOf('s2'));
    expect(html).toContain('#general');
    expect(html).toContain('<strong>soon</strong>');
    expect(html).toContain('Nov 14, 2023, 10:13 PM');
    expect(renderScheduled([], [])).toContain('Nothing scheduled');
  });
});

describe('api parsing', () => {
  it('accepts a valid state and drops malformed entries', () => {
    const state = parseState({
      channels: [{ id: 'C1', name: 'general', kind: 'public' }, { id: 5 }],
      messages: [{ id: 'm', ts: '1.0', channel: 'C1', isBot: false, text: 'hi', blocks: [] }, 'junk'],
      home: null,
      scheduled: [{ id: 's', channel: 'C1', postAt: 1, text: 'x' }, { postAt: 'soon' }],
      me: { id: 'U1', name: 'me' },
    });
    expect(state?.channels).toHaveLength(1);
    expect(state?.messages).toEqual([
      { id: 'm', ts: '1.0', channel: 'C1', isBot: false, text: 'hi', blocks: [] },
    ]);
    expect(state?.scheduled).toHaveLength(1);
    expect(state?.workspaceUrl).toBeUndefined();
    expect(
      parseState({ me: { id: 'U1' }, workspaceUrl: 'https://playground.slack.com/' })?.workspaceUrl,
    ).toBe('https://playground.slack.com/');
    expect(parseState({ channels: [] })).toBeNull();
  });

  it('turns non-contract answers into errors', () => {
    expect(parseResult(200, '{"ok":true}')).toEqual({ ok: true });
    expect(parseResult(200, '{"ok":false,"error":"channel_not_found"}')).toEqual({
      ok: false,
      error: 'channel_not_found',
    });
    expect(parseResult(502, '<html>Bad gateway</html>')).toEqual({
      ok: false,
      error: 'Server answered 502: <html>Bad gateway</html>',
    });
  });

  it('escapeHtml covers the five special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});
