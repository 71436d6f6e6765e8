import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { safeUrl } from './sanitize.js';

describe('safeUrl', () => {
  it('resolves relative links against the page and keeps http(s)', () => {
    assert.equal(safeUrl('/a?b=1', 'https://x.example/news/'), 'https://x.example/a?b=1');
    assert.equal(safeUrl('HTTP://X.example/', null), 'http://x.example/');
  });

  it('refuses javascript:, data: and other schemes whatever their case or spacing', () => {
    for (const bad of [
      'javascript:alert(1)',
      ' JaVaScRiPt:x',
      'data:text/html,hi',
      'vbscript:x',
      'mailto:a@b.c',
    ]) {
      assert.equal(safeUrl(bad, 'https://x.example/'), null, bad);
    }
  });
});
