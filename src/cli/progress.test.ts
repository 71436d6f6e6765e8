import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { Progress, formatDuration } from './progress.js';

function sink(isTTY: boolean) {
  const chunks: string[] = [];
  const out = Object.assign(
    new Writable({
      write(c, _e, cb) {
        chunks.push(String(c));
        cb();
      },
    }),
    { isTTY, columns: 80 },
  );
  return { out, chunks };
}

describe('Progress', () => {
  it('shows count, rate and ETA', () => {
    let now = 0;
    const p = new Progress('ingest', 10, sink(false).out, () => now);
    now = 2000;
    p.tick(4);
    assert.equal(p.line(), 'ingest: 4/10 (2.0/s, ETA 3s)');
  });

  it('writes plain lines off a terminal, at most every few seconds, and always the last', () => {
    let now = 0;
    const { out, chunks } = sink(false);
    const p = new Progress('x', 3, out, () => now);
    p.tick();
    now = 100;
    p.tick();
    now = 200;
    p.tick();
    assert.equal(chunks.length, 1);
    assert.match(chunks[0]!, /^x: 3\/3 .*\n$/);
  });

  it('redraws one line in place on a terminal', () => {
    let now = 0;
    const { out, chunks } = sink(true);
    const p = new Progress('x', 2, out, () => now);
    now = 500;
    p.tick();
    now = 1000;
    p.tick();
    p.finish();
    assert.ok(chunks.every((c) => c.startsWith('\r')));
  });
});

describe('formatDuration', () => {
  it('reads as seconds, minutes or hours', () => {
    assert.equal(formatDuration(42), '42s');
    assert.equal(formatDuration(125), '2m05s');
    assert.equal(formatDuration(7260), '2h01m');
  });
});
