// Progress of long runs: a live line (count, rate, ETA) on a terminal, a plain log line every
// few seconds otherwise, so CI logs and pipes stay readable.
import type { WriteStream } from 'node:tty';

/** Plain-log cadence when the output is not a terminal (ms). */
const LOG_INTERVAL_MS = 5_000;
/** Terminal redraw cadence (ms): fast enough to feel live, slow enough to cost nothing. */
const TTY_INTERVAL_MS = 100;

export class Progress {
  private done = 0;
  private lastDraw = 0;
  private readonly started: number;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly out: NodeJS.WritableStream &
      Partial<Pick<WriteStream, 'isTTY' | 'columns'>> = process.stderr,
    private readonly clock: () => number = Date.now,
  ) {
    this.started = clock();
  }

  tick(count = 1): void {
    this.done += count;
    const now = this.clock();
    const interval = this.out.isTTY ? TTY_INTERVAL_MS : LOG_INTERVAL_MS;
    if (now - this.lastDraw < interval && this.done < this.total) return;
    this.lastDraw = now;
    const line = this.line(now);
    if (this.out.isTTY) this.out.write(`\r${line.slice(0, (this.out.columns ?? 80) - 1)}\x1b[K`);
    else this.out.write(`${line}\n`);
  }

  /** Clears the live line so the summary starts on a clean line. */
  finish(): void {
    if (this.out.isTTY && this.lastDraw > 0) this.out.write('\r\x1b[K');
  }

  line(now = this.clock()): string {
    const seconds = Math.max((now - this.started) / 1000, 1e-3);
    const rate = this.done / seconds;
    const left = rate > 0 ? (this.total - this.done) / rate : Number.NaN;
    const eta = Number.isFinite(left) ? formatDuration(left) : '?';
    return `${this.label}: ${this.done}/${this.total} (${rate.toFixed(1)}/s, ETA ${eta})`;
  }
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)}s`;
  const m = Math.floor(seconds / 60);
  if (m < 60) return `${m}m${String(Math.round(seconds % 60)).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}
