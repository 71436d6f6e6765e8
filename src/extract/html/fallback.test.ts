import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readabilityBody } from './fallback.js';

describe('readabilityBody', () => {
  it("reads Readability's choice through our own collect and sanitiser", () => {
    const para =
      'The river rose overnight and the council opened the flood gates at dawn, officials said. ';
    const html = `<html><body><div class="post"><p>${para.repeat(3)}<a href="javascript:x()">tap</a></p><p>${para.repeat(3)}</p></div></body></html>`;
    const body = readabilityBody(html, 'https://x.example/a');
    assert.ok(body && body.paragraphs.length === 2, JSON.stringify(body?.paragraphs));
    assert.ok(!body.html.includes('javascript'));
  });

  it('returns null when Readability finds nothing', () => {
    assert.equal(readabilityBody('<html><body></body></html>', 'https://x.example/a'), null);
  });
});
