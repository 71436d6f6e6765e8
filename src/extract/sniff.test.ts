import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sniff } from './sniff.js';

describe('sniff', () => {
  it('trusts a specific Content-Type', () => {
    assert.equal(sniff('plain words', 'text/html; charset=utf-8'), 'html');
    assert.equal(sniff('Title\nBody with <b>a tag</b> later', 'text/plain'), 'text');
  });

  it('looks at the first characters when the type is unknown', () => {
    assert.equal(sniff('  <!DOCTYPE html><html><body></body></html>', null), 'html');
    assert.equal(sniff('<div class="x">hello</div>', 'application/octet-stream'), 'html');
    assert.equal(
      sniff('Harbour bridge reopens\nThe swing bridge reopened on Friday.', null),
      'text',
    );
  });

  it('treats a text/plain page that is really a saved HTML document as HTML', () => {
    assert.equal(sniff('<!doctype html><html><p>x</p></html>', 'text/plain'), 'html');
  });
});
