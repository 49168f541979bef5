import { config } from 'dotenv';
import { privateAnswer } from './answer.js';
import { contentDirs, loadContentFolders } from './content/folders.js';
import { ContentError, formatProblem } from './content/load.js';
import { contentReport } from './content-report.js';
import { isReadIntent, parseIntent } from './intent.js';
import { Library } from './library.js';
import { helpView } from './views/help.js';
import { messageToText } from './views/terminal.js';

/**
 * `npm run --silent preview -- <text>`: the message `/hackathon <text>` would answer, as JSON (or as
 * text with `--format text`), through the same intent → answer → view path as Slack. Content problems go
 * to stderr so stdout stays valid JSON. `--report` prints the content report instead and exits 1 when a
 * file failed to load. Content comes from `--content DIR` (repeatable) or CONTENT_DIR (comma-separated).
 */
const USAGE = `Usage: npm run --silent preview -- [options] <text>

Prints the message \`/hackathon <text>\` would answer, through the same path as Slack, without Slack.

  <text>             what follows /hackathon: topics, wireguard, "gep 32", next, help …
  --format json      the message as Slack receives it, Block Kit JSON (the default)
  --format text      the message as readable text (bold and italics in colour on a terminal)
  --report           instead of a message: per file, the hackathon it was matched to, its topics and
                     what looks wrong; exits 1 when a file failed to load (for a content repository's CI)
  --content DIR      read the content from DIR; repeat it for several folders
  -h, --help         this help

The content comes from --content, or CONTENT_DIR (default: content; several folders separated by commas).
Problems with the content go to stderr.

Examples:
  npm run --silent preview -- topics
  npm run --silent preview -- wireguard --format text
  CONTENT_DIR=../shared/recaps npm run --silent preview -- topics
  npm run --silent preview -- --report --content content --content ../shared/wrap-ups`;

function takeFlag(args: string[], flag: string): boolean {
  const at = args.indexOf(flag);
  if (at >= 0) args.splice(at, 1);
  return at >= 0;
}

/** Every `--name value` and `--name=value`, removed from `args`. */
function takeOptions(args: string[], name: string): string[] {
  const values: string[] = [];
  for (let at = args.findIndex((a) => a === name || a.startsWith(`${name}=`)); at >= 0; ) {
    const arg = args[at] ?? '';
    const inline = arg.startsWith(`${name}=`);
    values.push(inline ? arg.slice(name.length + 1) : (args[at + 1] ?? ''));
    args.splice(at, inline ? 1 : 2);
    at = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  }
  return values.filter(Boolean);
}

async function main(argv: string[]): Promise<number> {
  config({ quiet: true });
  const args = [...argv];
  // `help` without dashes still previews the help answer, as `/hackathon help` would show it.
  if (args.some((a) => a === '--help' || a === '-h')) {
    console.log(USAGE);
    return 0;
  }
  let format = 'json';
  const at = args.findIndex((a) => a === '--format' || a.startsWith('--format='));
  if (at >= 0) {
    const arg = args[at] ?? '';
    format = arg.includes('=') ? (arg.split('=')[1] ?? '') : (args[at + 1] ?? '');
    args.splice(at, arg.includes('=') ? 1 : 2);
  }
  if (format !== 'json' && format !== 'text') {
    console.error(`preview: --format must be json or text, got "${format}" (see --help)`);
    return 2;
  }
  const report = takeFlag(args, '--report');
  const folders = takeOptions(args, '--content');
  const unknown = args.find((a) => a.startsWith('--'));
  if (unknown) {
    console.error(`preview: unknown option ${unknown} (see --help)`);
    return 2;
  }
  const dirs = folders.length > 0 ? contentDirs(folders.join(',')) : contentDirs(process.env.CONTENT_DIR);
  const content = await loadContentFolders(dirs);
  // The command line is the edge where time comes in: a forgotten page is judged against today.
  const now = new Date();
  const library = new Library(content, { now });
  if (report) {
    const { text, failed } = contentReport(library);
    console.log(text);
    return failed > 0 ? 1 : 0;
  }
  for (const problem of library.problems) console.error(`preview: ${formatProblem(problem)}`);
  const intent = parseIntent(args.join(' '));
  const message = isReadIntent(intent) ? privateAnswer(intent, { library, now }) : helpView();
  if (!isReadIntent(intent))
    console.error(`preview: "${intent.kind}" acts in Slack; showing the help instead`);
  console.log(
    format === 'json'
      ? JSON.stringify(message, null, 2)
      : messageToText(message, { ansi: process.stdout.isTTY === true }),
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`preview: ${error instanceof ContentError ? error.message : (error as Error).message}`);
    process.exit(1);
  },
);
