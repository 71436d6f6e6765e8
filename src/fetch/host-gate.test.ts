import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HostGate } from './host-gate.js';

describe('HostGate', () => {
  it('spaces request starts to one host by its delay and caps requests in flight', async () => {
    const gate = new HostGate(1, 40);
    const starts: number[] = [];
    let inFlight = 0;
    let most = 0;
    const work = async () => {
      starts.push(performance.now());
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight -= 1;
    };
    await Promise.all([1, 2, 3].map(() => gate.run('news.example', work)));
    assert.equal(most, 1);
    assert.ok(starts[1]! - starts[0]! >= 40 && starts[2]! - starts[1]! >= 40, starts.join(' '));
  });

  it('keeps the full delay when the wall clock steps forward during the wait', async (t) => {
    const wallClock = Date.now;
    t.after(() => void (Date.now = wallClock));
    const gate = new HostGate(1, 60);
    const starts: number[] = [];
    const work = async () => {
      starts.push(performance.now());
      Date.now = () => wallClock() + 30; // as when NTP or a VM host steps the clock
      await new Promise((resolve) => setTimeout(resolve, 5));
    };
    await Promise.all([1, 2].map(() => gate.run('stepped.example', work)));
    assert.ok(starts[1]! - starts[0]! >= 60, starts.join(' '));
  });

  it('lets different hosts run at once, and a Crawl-delay only lengthen the wait', async () => {
    const gate = new HostGate(1, 0);
    gate.setDelay('slow.example', 60);
    const t0 = performance.now();
    const times: Record<string, number[]> = { 'a.example': [], 'slow.example': [] };
    await Promise.all(
      ['a.example', 'a.example', 'slow.example', 'slow.example'].map((host) =>
        gate.run(host, async () => void times[host]!.push(performance.now() - t0)),
      ),
    );
    assert.ok(times['a.example']![1]! < 30);
    assert.ok(times['slow.example']![1]! - times['slow.example']![0]! >= 60);
  });
});
