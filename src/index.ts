import { config } from 'dotenv';
import { ContentError } from './content/load.js';
import { readSettings, SettingsError } from './settings.js';
import { type RunningBot, StartError, startBotWith } from './start.js';

/** Entry point: settings → content → Slack (Socket Mode or HTTP), or the local playground without credentials. */
async function main(): Promise<void> {
  config({ quiet: true });
  const settings = readSettings(process.env);
  // The playground (esbuild, the stand-in) is only loaded when there is no Slack to talk to.
  const running: Pick<RunningBot, 'stop' | 'logger'> =
    settings.mode === 'playground'
      ? await (await import('./playground/server.js')).startPlayground(settings)
      : await startBotWith(settings);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    running.logger.info(`${signal}: finishing requests in flight, then stopping`);
    running
      .stop()
      .then(() => process.exit(0))
      .catch((error: Error) => {
        running.logger.error(`Could not stop cleanly: ${error.message}`);
        process.exit(1);
      });
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof SettingsError || error instanceof ContentError || error instanceof StartError) {
    console.error(`hackathon-bot cannot start. ${error.message}`);
  } else {
    console.error(`hackathon-bot stopped on an unexpected error: ${(error as Error).message}`);
  }
  process.exit(1);
});
