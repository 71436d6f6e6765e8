// Politeness per host: at most `concurrency` requests in flight to one host, and request starts
// spaced by the host's delay (our default, or a longer Crawl-delay from its robots.txt).
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
      const start = Math.max(state.nextStart, Date.now());
      state.nextStart = start + state.delayMs;
      const wait = start - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      state.nextStart = Math.max(state.nextStart, Date.now() + state.delayMs);
      return await work();
    } finally {
      const next = state.waiting.shift();
      if (next !== undefined)
        next(); // the slot passes straight to the next waiter
      else {
        state.active -= 1;
        if (state.active === 0 && state.nextStart <= Date.now()) this.hosts.delete(host);
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
