import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { capNesting } from './cap-nesting.js';

describe('capNesting', () => {
  it('returns a page that never nests too deep unchanged', () => {
    const html = '<div><p>a<br>b<img src="x"></p><p/></div>';
    assert.equal(capNesting(html, 3), html);
  });

  it('drops the tags beyond the limit and keeps their text', () => {
    const out = capNesting('<div><div><div><div>deep</div></div></div></div>', 2);
    assert.equal(out, '<div><div>deep</div></div>');
  });
});
