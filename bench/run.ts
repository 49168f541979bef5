/**
 * `npm run bench`: the bot against bare Bolt (the floor), same signed slash commands, interleaved; then
 * start-up and content load with 1 recap (the seed), 18 (the archive) and 100, from a cold and from a warm
 * parse cache; then answers with that much content. Prints Markdown tables ready for the README.
 *
 * BENCH_SECONDS (default 5) per run, BENCH_ROUNDS (3), BENCH_COMMANDS (comma-separated texts),
 * BENCH_REQUESTS=0 skips the request runs against bare Bolt, BENCH_SCALE=0 skips the content scaling,
 * BENCH_STARTS (3) starts per measured start-up figure, BENCH_PROFILE=1 writes a CPU profile of the bot.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { build } from 'esbuild';
import { startSlackStandin } from '../src/standin/server.js';
import type { ChildMessage, ParentMessage } from './child.js';
import { BENCH_BOT_TOKEN, BENCH_SIGNING_SECRET, signedPool, UNCACHED_SPELLINGS } from './signed.js';

/** The node flags of `npm start`, so the benchmark runs the bot as people do. */
const START_FLAGS =
  (JSON.parse(await readFile('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts.start
    ?.split(/\s+/)
    .filter((word) => word.startsWith('--') && word !== '--enable-source-maps') ?? [];

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const COMMANDS = (process.env.BENCH_COMMANDS ?? 'topics,wireguard,dashbord,xyzzy,wireguard*').split(',');
const CONCURRENCY = [1, 50];
const SCALES = [1, 18, 100];
const STARTS = Math.max(1, Number(process.env.BENCH_STARTS ?? 3));
const SEED_RECAP = 'content/2025-06-schelklingen.md';
/** The archive: the seed, the blog posts and the wrap-up pages beside the project. */
const ARCHIVE_FOLDERS = ['../shared/recaps', '../shared/wrap-ups'];

const CORES = availableParallelism();
const canPin = CORES >= 2 && hasTaskset();

function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

interface Server {
  name: string;
  child: ChildProcess;
  port: number;
  startupMs: number;
  /** Spawn to the answer of a first `/hackathon wireguard`, sent as soon as it listens (the bot only). */
  firstAnswerMs: number;
  /** The process's CPU time when it listened. */
  startupCpuMs: number;
  contentLoadMs: number;
  idleRss: number;
  rss(): Promise<number>;
  stop(): Promise<void>;
}

async function spawnServer(
  name: string,
  script: string,
  env: Record<string, string>,
  nodeFlags: string[] = [],
): Promise<Server> {
  // Both apps run as `npm start` runs the bot: one bundled ES module under plain node, no tsx in the way.
  const bundle = path.join('dist', 'bench', `${path.basename(script, '.ts')}.mjs`);
  await build({
    entryPoints: [script],
    bundle: true,
    platform: 'node',
    format: 'esm',
    external: ['@slack/*', 'esbuild', 'iconv-lite', 'autocannon'],
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    outfile: bundle,
    logLevel: 'warning',
  });
  const node = [...nodeFlags, bundle];
  const [command, args] = canPin
    ? ['taskset', ['-c', '1', process.execPath, ...node]]
    : [process.execPath, node];
  const started = performance.now();
  const child = spawn(command, args as string[], {
    env: { PATH: process.env.PATH, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = (type: ChildMessage['type']) =>
    new Promise<ChildMessage>((resolve, reject) => {
      const onMessage = (message: ChildMessage) => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(message);
      };
      const onExit = (code: number | null) => reject(new Error(`${name} exited with ${code}`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const ready = await next('listening');
  if (ready.type !== 'listening') throw new Error('unreachable');
  const listening = performance.now() - started;
  let firstAnswerMs = Number.NaN;
  if (name === 'bot') {
    // A bot that scales to zero starts on a request: what counts is when that request is answered.
    const [request] = signedPool('wireguard', 1);
    if (request) {
      const response = await fetch(`http://127.0.0.1:${ready.port}${request.path}`, request);
      await response.text();
      firstAnswerMs = performance.now() - started;
    }
  }
  return {
    name,
    child,
    port: ready.port,
    startupMs: listening,
    firstAnswerMs,
    startupCpuMs: ready.cpuMs,
    contentLoadMs: ready.contentLoadMs,
    idleRss: ready.rss,
    async rss() {
      const answer = next('rss');
      child.send({ type: 'rss' } satisfies ParentMessage);
      return (await answer).rss;
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'stop' } satisfies ParentMessage);
      await exited;
    },
  };
}

interface Measured {
  requests: number;
  seconds: number;
  latencies: number[];
  failures: number;
}

function load(port: number, text: string, connections: number, seconds: number): Promise<Measured> {
  const latencies: number[] = [];
  let failures = 0;
  const pool = signedPool(text);
  let cursor = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections,
        duration: seconds,
        // One shared cursor over the pool: each connection would otherwise walk it in step with the others.
        requests: [{ setupRequest: (request) => ({ ...request, ...pool[cursor++ % pool.length] }) }],
      },
      (error, result) => {
        if (error) return reject(error);
        failures += result.errors + result.timeouts;
        resolve({ requests: latencies.length, seconds: result.duration, latencies, failures });
      },
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status !== 200) failures += 1;
      else latencies.push(ms);
    });
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;
}

interface Summary {
  rps: number;
  p50: number;
  p99: number;
  failures: number;
}

function summarise(runs: Measured[]): Summary {
  const all = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const requests = runs.reduce((n, r) => n + r.requests, 0);
  const seconds = runs.reduce((n, r) => n + r.seconds, 0);
  return {
    rps: requests / seconds,
    p50: percentile(all, 0.5),
    p99: percentile(all, 0.99),
    failures: runs.reduce((n, r) => n + r.failures, 0),
  };
}

/** One signed request first: a benchmark of 401s or empty answers would measure nothing. */
async function checkAnswers(server: Server, bot: boolean): Promise<void> {
  for (const text of COMMANDS) {
    const [request] = signedPool(text, 1);
    if (!request) continue;
    const response = await fetch(`http://127.0.0.1:${server.port}${request.path}`, request);
    const body = await response.text();
    const fine = bot ? (JSON.parse(body) as { blocks?: unknown[] }).blocks !== undefined : body === 'ok';
    if (response.status !== 200 || !fine)
      throw new Error(`${server.name} answered "${text}" with ${response.status}: ${body.slice(0, 200)}`);
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/**
 * Years moved back by `years`: a copy of a recap tells of other hackathons (`2025` → `2022` in dates, file
 * names, titles, `weight: -202506`), so copies are new hackathons rather than second recaps of one.
 */
function movedBack(text: string, years: number): string {
  if (years === 0) return text;
  return text.replace(/(?<!\d)(20\d\d)(?=(\d\d)?(?!\d))/g, (year) => String(Number(year) - years));
}

/** `count` recaps: the seed alone for 1, else the archive repeated (each round three years further back). */
async function archiveContent(root: string, count: number): Promise<string> {
  const dir = path.join(root, `recaps-${count}`);
  await mkdir(dir, { recursive: true });
  const archive = [SEED_RECAP];
  for (const folder of ARCHIVE_FOLDERS) {
    const names = (await readdir(folder).catch(() => [] as string[])).filter((n) => n.endsWith('.md')).sort();
    archive.push(...names.map((name) => path.join(folder, name)));
  }
  const texts = await Promise.all(archive.map((file) => readFile(file, 'utf8')));
  for (let n = 0; n < count; n++) {
    const round = Math.floor(n / archive.length);
    const file = archive[n % archive.length] ?? SEED_RECAP;
    const text = texts[n % archive.length] ?? '';
    await writeFile(path.join(dir, movedBack(path.basename(file), round * 3)), movedBack(text, round * 3));
  }
  for (const extra of ['next-hackathon.md', 'synonyms.yml']) {
    await copyFile(path.join('content', extra), path.join(dir, extra)).catch(() => undefined);
  }
  return dir;
}

async function main(): Promise<void> {
  if (canPin) execFileSync('taskset', ['-a', '-cp', '0', String(process.pid)], { stdio: 'ignore' });
  const standin = await startSlackStandin();
  const env = {
    SLACK_BOT_TOKEN: BENCH_BOT_TOKEN,
    SLACK_SIGNING_SECRET: BENCH_SIGNING_SECRET,
    SLACK_API_URL: standin.apiUrl,
    PORT: '0',
    LOG_LEVEL: 'info',
  };
  const profileDir = process.env.BENCH_PROFILE
    ? await mkdtemp(path.join(tmpdir(), 'bench-prof-'))
    : undefined;
  const botFlags = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const root = await mkdtemp(path.join(tmpdir(), 'bench-content-'));
  let caches = 0;
  /** A parse cache of its own: empty (cold) until a start fills it. */
  const newCache = () => path.join(root, `cache-${++caches}`);
  const startBot = (contentDir: string, cacheDir: string, flags: string[] = [...START_FLAGS]) =>
    spawnServer(
      'bot',
      'bench/bot-server.ts',
      { ...env, CONTENT_DIR: contentDir, CACHE_DIR: cacheDir },
      flags,
    );
  const startBare = () => spawnServer('bare', 'bench/bare-server.ts', env);

  console.log(
    `# hackathon-bot benchmark: ${SECONDS} s × ${ROUNDS} rounds, ${cpus()[0]?.model ?? 'unknown CPU'}, ` +
      `${CORES} cores, Node ${process.version}${canPin ? ', generator on core 0, apps on core 1' : ', not pinned'}`,
  );

  if (process.env.BENCH_REQUESTS !== '0') await requestRuns({ startBot, startBare, newCache, botFlags });

  if (process.env.BENCH_SCALE !== '0') {
    // Start-up: spawn to listening, median of STARTS; cold starts each get an empty parse cache, warm ones
    // share one that a first, unmeasured start filled.
    const figures = new Map<number, { cold: Server[]; warm: Server[] }>();
    for (const count of SCALES) {
      const dir = await archiveContent(root, count);
      const cold: Server[] = [];
      const warm: Server[] = [];
      const warmCache = newCache();
      await (await startBot(dir, warmCache)).stop();
      // Interleaved, so a busy neighbour on the machine weighs on both alike.
      for (let i = 0; i < STARTS; i++) {
        const c = await startBot(dir, newCache());
        await checkAnswers(c, true);
        cold.push(c);
        await c.stop();
        const w = await startBot(dir, warmCache);
        warm.push(w);
        await w.stop();
      }
      figures.set(count, { cold, warm });
    }
    type Figure = 'startupMs' | 'firstAnswerMs' | 'startupCpuMs' | 'contentLoadMs';
    const medianOf = (servers: Server[], key: Figure) => median(servers.map((s) => s[key]));
    const seed = figures.get(1);
    console.log(
      `\nStart-up with 1 recap (the seed alone), 18 (the archive: the seed, ${ARCHIVE_FOLDERS.join(', ')}, repeated) and 100, ` +
        `median of ${STARTS} starts each, cold (an empty parse cache) / cached. Start-up is spawn → listening; ` +
        'first answer is spawn → the answer to a `/hackathon wireguard` sent as soon as it listens; CPU is the ' +
        "process's CPU time when it listens.\n",
    );
    console.log(
      '| recaps | content load | start-up | first answer | start-up CPU | ÷ seed alone: start-up | ÷ seed alone: first answer | ÷ seed alone: CPU |',
    );
    console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const [count, { cold, warm }] of figures) {
      const pair = (key: Figure, digits = 0) =>
        `${medianOf(cold, key).toFixed(digits)} / ${medianOf(warm, key).toFixed(digits)} ms`;
      const ratio = (key: Figure) =>
        seed
          ? `${(medianOf(cold, key) / medianOf(seed.cold, key)).toFixed(2)} / **${(medianOf(warm, key) / medianOf(seed.warm, key)).toFixed(2)}**`
          : '–';
      console.log(
        `| ${count} | ${pair('contentLoadMs', 1)} | ${pair('startupMs')} | ${pair('firstAnswerMs')} | ${pair('startupCpuMs')} | ` +
          `${ratio('startupMs')} | ${ratio('firstAnswerMs')} | ${ratio('startupCpuMs')} |`,
      );
    }

    const seconds = Math.max(1, Math.round(SECONDS / 2));
    console.log(`\nAnswers with that much content (started from a warm cache; ${seconds} s per run):\n`);
    console.log(
      '| recaps | RSS idle | RSS after load | `wireguard` p50 (c=1, uncached) | `dashbord` p50 (c=1, uncached) | `xyzzyplugh` p50 (c=1, uncached) | `topics` p50 (c=1) | `wireguard` req/s (c=50) |',
    );
    console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const count of SCALES) {
      const dir = path.join(root, `recaps-${count}`);
      const cacheDir = newCache();
      await (await startBot(dir, cacheDir)).stop();
      const server = await startBot(dir, cacheDir);
      await checkAnswers(server, true);
      const texts = ['wireguard*', 'dashbord*', 'xyzzyplugh*', 'topics'];
      for (const text of texts) await load(server.port, text, 10, 1);
      const single = new Map<string, Summary>();
      for (const text of texts) single.set(text, summarise([await load(server.port, text, 1, seconds)]));
      const many = summarise([await load(server.port, 'wireguard', 50, seconds)]);
      const rss = await server.rss();
      const p50 = (text: string) => `${ms(single.get(text)?.p50 ?? Number.NaN)} ms`;
      console.log(
        `| ${count} | ${mb(server.idleRss)} | ${mb(rss)} | ` +
          `${p50('wireguard*')} | ${p50('dashbord*')} | ${p50('xyzzyplugh*')} | ${p50('topics')} | ${many.rps.toFixed(0)} |`,
      );
      await server.stop();
    }
  }
  await rm(root, { recursive: true, force: true });
  await standin.close();
  if (profileDir) console.log(`\nCPU profile of the bot: ${profileDir}`);
}

interface Starters {
  startBot(contentDir: string, cacheDir: string, flags?: string[]): Promise<Server>;
  startBare(): Promise<Server>;
  newCache(): string;
  botFlags: string[];
}

/** The bot against bare Bolt: start-up, then the same signed commands, interleaved, round after round. */
async function requestRuns({ startBot, startBare, newCache, botFlags }: Starters): Promise<void> {
  // Start-up: spawn to listening, median of three (the first may pay for a cold file cache, and fills the
  // parse cache: the bot starts as it does after its first start).
  const cacheDir = newCache();
  const startups = { bot: [] as number[], bare: [] as number[], load: [] as number[] };
  for (let i = 0; i < 3; i++) {
    const bot = await startBot('content', cacheDir);
    startups.bot.push(bot.startupMs);
    startups.load.push(bot.contentLoadMs);
    await bot.stop();
    const bare = await startBare();
    startups.bare.push(bare.startupMs);
    await bare.stop();
  }

  const bot = await startBot('content', cacheDir, [...START_FLAGS, ...botFlags]);
  const bare = await startBare();
  await checkAnswers(bot, true);
  await checkAnswers(bare, false);
  const idle = { bot: bot.idleRss, bare: bare.idleRss };
  const peak = { bot: 0, bare: 0 };
  for (const server of [bot, bare]) for (const text of COMMANDS) await load(server.port, text, 50, 1);

  const runs = new Map<string, Measured[]>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const connections of CONCURRENCY) {
      for (const text of COMMANDS) {
        for (const server of [bot, bare]) {
          const key = `${server.name}|${text}|${connections}`;
          runs.set(key, [...(runs.get(key) ?? []), await load(server.port, text, connections, SECONDS)]);
          const rss = await server.rss();
          if (server === bot) peak.bot = Math.max(peak.bot, rss);
          else peak.bare = Math.max(peak.bare, rss);
        }
      }
    }
    process.stderr.write(`round ${round + 1}/${ROUNDS} done\n`);
  }
  await bot.stop();
  await bare.stop();

  console.log(
    '\n| command | conc. | bare req/s | bot req/s | bare p50 | bot p50 | bare p99 | bot p99 | p50 bot/bare | p99 bot/bare |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  let failures = 0;
  for (const connections of CONCURRENCY) {
    for (const text of COMMANDS) {
      const botRuns = runs.get(`bot|${text}|${connections}`) ?? [];
      const bareRuns = runs.get(`bare|${text}|${connections}`) ?? [];
      const b = summarise(botRuns);
      const f = summarise(bareRuns);
      failures += b.failures + f.failures;
      // Each round's bot run sits next to its bare run in time, so their ratio shrugs off a noisy neighbour
      // that a pooled percentile would not; the median over rounds is what the target is checked against.
      const roundRatio = (p: 'p50' | 'p99') =>
        median(botRuns.map((run, i) => summarise([run])[p] / summarise([bareRuns[i] ?? run])[p]));
      const label = text.endsWith('*')
        ? `\`${text.slice(0, -1)}\`, ${UNCACHED_SPELLINGS} spellings (uncached)`
        : `\`${text}\``;
      console.log(
        `| ${label} | ${connections} | ${f.rps.toFixed(0)} | ${b.rps.toFixed(0)} | ${ms(f.p50)} ms | ${ms(b.p50)} ms | ` +
          `${ms(f.p99)} ms | ${ms(b.p99)} ms | **${roundRatio('p50').toFixed(2)}** | **${roundRatio('p99').toFixed(2)}** |`,
      );
    }
  }
  console.log('\n| process | start-up (spawn → listening) | content load | RSS idle | RSS peak under load |');
  console.log('|---|---:|---:|---:|---:|');
  console.log(
    `| bot (parse cache warm) | ${median(startups.bot).toFixed(0)} ms | ${ms(median(startups.load))} ms | ${mb(idle.bot)} | ${mb(peak.bot)} |`,
  );
  console.log(
    `| bare Bolt | ${median(startups.bare).toFixed(0)} ms | – | ${mb(idle.bare)} | ${mb(peak.bare)} |`,
  );
  if (failures > 0) console.log(`\n**${failures} request(s) failed (non-200, error or timeout).**`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
