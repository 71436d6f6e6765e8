import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertInert } from './assert-inert.js';

describe('assertInert (the check the escaping tests rely on)', () => {
  it('fails on script elements, event handlers, javascript: URLs and inline styles', () => {
    for (const bad of [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '<a href=" javascript:alert(1)">x</a>',
      '<p style="background:url(x)">x</p>',
      '<iframe src="https://a.example"></iframe>',
      '<input autofocus>',
      '<form action="javascript:alert(1)"><button>x</button></form>',
    ]) {
      assert.throws(() => assertInert(bad), assert.AssertionError, bad);
    }
  });

  it('passes escaped text that merely looks dangerous', () => {
    assertInert('<p title="&quot; onload=&quot;x">&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    assertInert('<a href="https://a.example/?q=javascript:">x</a>');
  });
});
