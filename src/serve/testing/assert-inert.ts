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

/** The layout's `<script src="/static/app.js?v=..." defer></script>`, empty. */
interface ParsedElement {
  localName: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  attributes: Iterable<{ name: string }>;
}

function isOwnScript(el: ParsedElement): boolean {
  return (
    el.localName.toLowerCase() === 'script' &&
    /^\/static\/app\.js\?v=[0-9a-f]+$/.test(el.getAttribute('src') ?? '') &&
    (el.textContent ?? '') === '' &&
    [...el.attributes].every((a) => a.name === 'src' || a.name === 'defer')
  );
}

export function assertInert(markup: string): void {
  const { document } = parseHTML(
    markup.startsWith('<!doctype') ? markup : `<body>${markup}</body>`,
  );
  for (const el of document.querySelectorAll('*')) {
    const tag = el.localName.toLowerCase();
    // Our layout's own <meta charset> and <meta name> are harmless; http-equiv refresh is not.
    if (tag === 'meta' && !el.hasAttribute('http-equiv')) continue;
    // Our layout's own external script, and only it: no inline code, no other source.
    if (isOwnScript(el)) continue;
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
