/** Content problems go to the person as a private note in #general, where they are trying things out. */
import { escapeMrkdwn } from '../slack-text.js';
import type { ReloadReport } from './content.js';

function contentNotice(report: ReloadReport, dir: string): string | undefined {
  const list = report.problems.map((p) => `• ${escapeMrkdwn(p)}`).join('\n');
  if (report.keptPrevious) {
    return `:warning: The content in \`${escapeMrkdwn(dir)}\` could not be loaded, so answers still come from the content that last loaded. Fix the file and reload the page.\n${list}`;
  }
  if (report.problems.length > 0) {
    return `:warning: ${report.problems.length} content problem(s) in \`${escapeMrkdwn(dir)}\`; the rest loaded (${report.recaps} recap(s)).\n${list}`;
  }
  return undefined;
}

/** Says each new state of the content once: its problems, and that they are gone once they are. */
export class ContentNotices {
  private shown = '';

  constructor(
    private readonly dir: string,
    private readonly notify: (text: string) => void,
  ) {}

  show(report: ReloadReport): void {
    const notice = contentNotice(report, this.dir);
    const key = notice ?? '';
    if (key === this.shown) return;
    if (notice) this.notify(notice);
    else if (this.shown)
      this.notify(`:white_check_mark: Content reloaded: ${report.recaps} recap(s), no problems.`);
    this.shown = key;
  }
}
