// Test support: parses markup the way a browser would and fails on anything that can run
// script. Checking the parsed tree (not the text) avoids false alarms on escaped attribute values
// like title="&quot; onload=&quot;" and misses nothing a regex would miss in unquoted markup.
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';

// <form> is allowed (the search form); its action is checked like any other URL attribute.
const EXECUTABLE_TAGS = new Set(['script', 'iframe', 'object', 'embed', 'frame', 'base', 'meta']);
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'srcset',
  'poster',
]);

export function assertInert(markup: string): void {
  const { document } = parseHTML(
    markup.startsWith('<!doctype') ? markup : `<body>${markup}</body>`,
  );
  for (const el of document.querySelectorAll('*')) {
    const tag = el.localName.toLowerCase();
    // Our layout's own <meta charset> and <meta name> are harmless; http-equiv refresh is not.
    if (tag === 'meta' && !el.hasAttribute('http-equiv')) continue;
    assert.ok(!EXECUTABLE_TAGS.has(tag), `executable element <${tag}>`);
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      assert.ok(!name.startsWith('on'), `event handler ${name} on <${tag}>`);
      assert.notEqual(name, 'style', `inline style on <${tag}>`);
      assert.notEqual(name, 'autofocus', `autofocus on <${tag}>`);
      if (URL_ATTRIBUTES.has(name) && !(tag === 'link' && attr.value.startsWith('/static/'))) {
        assert.match(
          attr.value,
          /^(https?:\/\/|\/(?!\/)|#|\?)/i,
          `unsafe ${name}="${attr.value}" on <${tag}>`,
        );
      }
    }
  }
}
