import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stripInert } from './strip-inert.js';

describe('stripInert', () => {
  it('removes scripts, styles and comments but keeps JSON-LD', () => {
    const html =
      '<head><SCRIPT src="a.js"></SCRIPT><style>p{}</style><script type="application/ld+json">{"a":1}</script></head>' +
      '<body><!-- note --><p>Text</p><script>var s = "</div>";</script ></body>';
    assert.equal(
      stripInert(html),
      '<head><script type="application/ld+json">{"a":1}</script></head><body><p>Text</p></body>',
    );
  });

  it('removes navigation and asides with everything nested in them', () => {
    assert.equal(
      stripInert(
        '<nav><ul><li><nav>inner</nav> still nav</li></ul></nav><p>Body</p><aside>box</aside><svg><svg></svg>icon</svg>',
      ),
      '<p>Body</p>',
    );
  });

  it('stops at an unclosed element and leaves the rest to the parser', () => {
    assert.equal(
      stripInert('<p>a</p><!-- x --><script>never closed <p>b</p>'),
      '<p>a</p><script>never closed <p>b</p>',
    );
  });

  it('returns the page itself when there is nothing to strip', () => {
    const html = '<p>Plain</p>';
    assert.equal(stripInert(html), html);
  });
});
