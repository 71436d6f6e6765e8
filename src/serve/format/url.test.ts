import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hostOf, safeHref } from './url.js';

describe('safe href', () => {
  it('accepts http and https URLs', () => {
    assert.equal(safeHref('https://news.example/a?b=1'), 'https://news.example/a?b=1');
    assert.equal(safeHref('HTTP://News.Example/x'), 'http://news.example/x');
  });

  it('refuses javascript:, data:, file:// and obfuscated schemes', () => {
    for (const bad of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'vbscript:msgbox',
      '//evil.example/x',
      '/relative',
      '',
      null,
    ]) {
      assert.equal(safeHref(bad), null, String(bad));
    }
  });

  it('shows the host without www', () => {
    assert.equal(hostOf('https://www.paper.example/x'), 'paper.example');
    assert.equal(hostOf('file:///tmp/x.html'), null);
  });
});
