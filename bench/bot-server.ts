/**
 * The real bot in HTTP mode, in its own process so the benchmark can pin it to a core and read its RSS.
 * Reports `listening` (port, content load time) over IPC; answers `rss`; exits on `stop`.
 */
import { startBot } from '../src/start.js';
import { serve } from './child.js';

let contentLoadMs = Number.NaN;
const bot = await startBot(process.env, {
  backgroundJobs: false,
  logSink: (_level, line) => {
    const loaded = / in ([\d.]+) ms$/.exec(line);
    if (line.includes('Loaded ') && loaded) contentLoadMs = Number(loaded[1]);
    else if (!line.startsWith('[INFO]')) console.error(line);
  },
});
serve({ port: bot.port ?? 0, contentLoadMs, stop: () => bot.stop() });
