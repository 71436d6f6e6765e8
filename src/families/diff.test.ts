import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { diffCopy } from './diff.js';
import type { CopyDiff, WordOp } from './diff-types.js';

const ORIGINAL = {
  title: 'U.S., NATO envoys meet on Velmora harbor dispute',
  paragraphs: [
    'Envoys from the U.S. and NATO met on Tuesday to discuss the harbor dispute, officials said.',
    'Dorrance told reporters the talks had been "frank and useful" and would continue.',
    'The defense ministry said 40 ships were waiting near the neighbor state.',
    'A second round is planned for next month.',
    'Fishing crews were not consulted, their union said.',
  ],
};

const COPY = {
  title: 'US, Nato envoys meet on Velmora harbour dispute',
  paragraphs: [
    'The dispute has shut the harbour to trade for a week.',
    'Envoys from the US and Nato met on Aug 19 to discuss the harbor dispute, officials said.',
    'Mr Dorrance told reporters the talks had been \u201cfrank and useful\u201d and would continue.',
    'The defence ministry said 42 ships were waiting near the neighbour state.',
    'Fishing crews were not consulted, their union said.',
  ],
};

function ops(diff: CopyDiff): WordOp[] {
  return diff.paragraphs.flatMap((p) => (p.status === 'edited' ? p.ops : []));
}

function kindOf(diff: CopyDiff, before: string, after: string): string | null | undefined {
  return ops(diff).find((o) => o.before === before && o.after === after)?.kind;
}

describe('diffCopy', () => {
  const diff = diffCopy(ORIGINAL, COPY);

  it('names house style, honorific, date, spelling, typography and number edits', () => {
    assert.equal(kindOf(diff, 'U.S.', 'US'), 'house-style');
    assert.equal(kindOf(diff, 'NATO', 'Nato'), 'house-style');
    assert.equal(kindOf(diff, '', 'Mr'), 'honorific');
    assert.equal(kindOf(diff, 'Tuesday', 'Aug 19'), 'date-rewrite');
    assert.equal(kindOf(diff, 'defense', 'defence'), 'spelling');
    assert.equal(kindOf(diff, 'neighbor', 'neighbour'), 'spelling');
    assert.equal(kindOf(diff, '"frank', '\u201cfrank'), 'typography');
    assert.equal(kindOf(diff, '40', '42'), 'changed-number');
  });

  it('reports the added lead and the cut paragraph in reading order', () => {
    assert.deepEqual(
      diff.paragraphs.map((p) => [p.status, p.original, p.copy]),
      [
        ['added', null, 0],
        ['edited', 0, 1],
        ['edited', 1, 2],
        ['edited', 2, 3],
        ['cut', 3, null],
        ['equal', 4, 4],
      ],
    );
    assert.equal(diff.counts['added-paragraph'], 1);
    assert.equal(diff.counts['cut-paragraph'], 1);
  });

  it('treats a headline with only style edits as no rewrite, and a new one as a rewrite', () => {
    assert.equal(diff.title.rewritten, false);
    const rewritten = diffCopy(ORIGINAL, { ...COPY, title: 'Harbour talks resume as ships wait' });
    assert.equal(rewritten.title.rewritten, true);
    assert.equal(rewritten.counts['headline-rewrite'], 1);
  });

  it('flags a changed word inside a quotation as a changed quote', () => {
    const quoted = diffCopy(ORIGINAL, {
      ...ORIGINAL,
      paragraphs: ORIGINAL.paragraphs.map((p) =>
        p.replace('frank and useful', 'frank and fruitful'),
      ),
    });
    assert.equal(kindOf(quoted, 'useful"', 'fruitful"'), 'changed-quote');
  });

  it('detects a moved paragraph', () => {
    const [a, b, c, d, e] = ORIGINAL.paragraphs as [string, string, string, string, string];
    const moved = diffCopy(ORIGINAL, { ...ORIGINAL, paragraphs: [a, b, c, e, d] });
    assert.equal(moved.counts['reordered-paragraph'], 1);
    assert.equal(moved.editedPercent, 0);
  });

  it('measures the edited share of copy words and lists the sentences the copy added', () => {
    assert.ok(
      diff.editedPercent > 20 && diff.editedPercent < 40,
      `editedPercent ${diff.editedPercent}`,
    );
    assert.deepEqual(diff.uniqueSentences, [
      'The dispute has shut the harbour to trade for a week.',
    ]);
    assert.equal(diffCopy(ORIGINAL, ORIGINAL).editedPercent, 0);
  });

  it('names an added agency sign-off or agency dateline a credit line', () => {
    const signed = diffCopy(ORIGINAL, {
      ...ORIGINAL,
      paragraphs: [
        `VELMORA (AP) - ${ORIGINAL.paragraphs[0]}`,
        ...ORIGINAL.paragraphs.slice(1, -1),
        `${ORIGINAL.paragraphs[4]} REUTERS`,
      ],
    });
    assert.equal(kindOf(signed, '', 'REUTERS'), 'credit-line');
    assert.equal(kindOf(signed, '', 'VELMORA (AP) -'), 'credit-line');
    assert.equal(signed.counts['credit-line'], 2);
  });

  it('is plain JSON', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(diff)), diff);
  });
});
