// Politeness per host: at most `concurrency` requests in flight to one host, and request starts
// spaced by the host's delay (our default, or a longer Crawl-delay from its robots.txt).
import { setTimeout as sleep } from 'node:timers/promises';

// The monotonic clock: a wall clock stepped back or forward must not stall or rush a host.
const now = () => performance.now();

// Node's timers count whole milliseconds, so one can fire a fraction of a millisecond early;
// sleep again until the moment has really come.
async function sleepUntil(moment: number): Promise<void> {
  for (let wait = moment - now(); wait > 0; wait = moment - now()) await sleep(Math.ceil(wait));
}

export class HostGate {
  private readonly hosts = new Map<
    string,
    { active: number; waiting: (() => void)[]; nextStart: number; delayMs: number }
  >();

  constructor(
    private readonly concurrency: number,
    private readonly delayMs: number,
  ) {}

  /** Sets a host's delay between request starts (never below the default). */
  setDelay(host: string, delayMs: number): void {
    this.state(host).delayMs = Math.max(this.delayMs, delayMs);
  }

  async run<T>(host: string, work: () => Promise<T>): Promise<T> {
    const state = this.state(host);
    if (state.active >= this.concurrency)
      await new Promise<void>((resolve) => state.waiting.push(resolve));
    else state.active += 1;
    try {
      // Reserve a start time first (so requests admitted together queue behind each other),
      // then measure the delay from the actual start: a timer that fires late must not
      // shorten the gap before the next request.
      const start = Math.max(state.nextStart, now());
      state.nextStart = start + state.delayMs;
      await sleepUntil(start);
      state.nextStart = Math.max(state.nextStart, now() + state.delayMs);
      return await work();
    } finally {
      const next = state.waiting.shift();
      if (next !== undefined)
        next(); // the slot passes straight to the next waiter
      else {
        state.active -= 1;
        if (state.active === 0 && state.nextStart <= now()) this.hosts.delete(host);
      }
    }
  }

  private state(host: string) {
    let state = this.hosts.get(host);
    if (state === undefined) {
      state = { active: 0, waiting: [], nextStart: 0, delayMs: this.delayMs };
      this.hosts.set(host, state);
    }
    return state;
  }
}
