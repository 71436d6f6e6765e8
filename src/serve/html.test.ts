import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml, html, raw } from './html.js';

describe('html template', () => {
  it('escapes every interpolated string, including quotes for attributes', () => {
    const title = `"><script>alert('x')</script>`;
    const out = html`<a title="${title}">${title}</a>`.value;
    assert.equal(out.includes('<script>'), false);
    assert.equal(
      out,
      '<a title="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;">&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</a>',
    );
  });

  it('passes nested templates and raw() through without escaping them twice', () => {
    const inner = html`<em>${'a & b'}</em>`;
    assert.equal(html`<p>${inner}${raw('<br>')}</p>`.value, '<p><em>a &amp; b</em><br></p>');
  });

  it('joins arrays and renders null, undefined and false as nothing', () => {
    assert.equal(html`${['<', 1, null, undefined, false, html`<b>`]}`.value, '&lt;1<b>');
  });

  it('escapes the ampersand first so entities are not double-decoded', () => {
    assert.equal(escapeHtml('&lt;'), '&amp;lt;');
  });
});
