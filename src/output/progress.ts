// A progress line on stderr for long work (files, articles, MB/s, time left), redrawn in place
// a few times a second. Shown only when stderr is a terminal: never into a pipe or a log.

import type { OutputEnvironment } from "./environment.js";

const REDRAW_MS = 200;
// Progress that would be over before anyone reads it is not shown.
const SHOW_AFTER_MS = 500;

export interface ProgressCounts {
  files: number;
  articles: number;
  bytes: number;
}

export class ProgressLine {
  private lastDrawn = 0;
  private isVisible = false;
  private readonly started = Date.now();
  /** Files and bytes in all, once known (a walk done beside the work). */
  total: { files: number; bytes: number } | undefined;

  constructor(private readonly env: OutputEnvironment) {}

  update(counts: ProgressCounts): void {
    const now = Date.now();
    if (now - this.lastDrawn < REDRAW_MS || now - this.started < SHOW_AFTER_MS) return;
    this.lastDrawn = now;
    const seconds = (now - this.started) / 1000;
    const rate = counts.bytes / 1e6 / seconds;
    const parts = [
      this.total === undefined ? `${counts.files} files` : `${counts.files}/${this.total.files} files`,
      `${counts.articles.toLocaleString("en-US")} articles`,
      `${rate.toFixed(1)} MB/s`,
    ];
    if (this.total !== undefined && rate > 0) {
      const left = Math.max(0, (this.total.bytes - counts.bytes) / 1e6 / rate);
      parts.push(`${formatDuration(left)} left`);
    }
    this.env.stderr.write(`\r\u001b[K${this.env.errorStyle.dim(parts.join(" · "))}`);
    this.isVisible = true;
  }

  /** Clears the line, so that what follows on stderr starts clean. */
  clear(): void {
    if (this.isVisible) this.env.stderr.write("\r\u001b[K");
    this.isVisible = false;
  }
}

function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds % 60)} s`;
}
