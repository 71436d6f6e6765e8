import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { summarise } from './summary.js';
import { splitSentences } from './sentences.js';

// A fictional wire story, a house-styled copy of it, and an independent report.
const WIRE = [
  'The river Tolle burst its banks near Kessing on Sunday, forcing 3,400 residents to leave their homes, the regional government said.',
  'Rescue crews used boats to reach villages cut off by the water in the Marrow Valley overnight.',
  'Mayor Ilse Varga said the flood defences built in 2019 had held in the town centre but failed further north.',
  'Forecasters expect more heavy rain across the valley on Tuesday and Wednesday.',
].join('\n\n');
const COPY = WIRE.replace('on Sunday', 'on March 3').replace(
  'Mayor Ilse Varga',
  'Ms Varga, the mayor,',
);
const OWN = [
  'Farmers in the Marrow Valley counted their losses as the river Tolle flooded fields of winter wheat.',
  'A local cooperative said it had lost feed for about 2,000 cattle and asked the government for emergency help.',
  'Rescue crews used boats to reach villages cut off by the water in the Marrow Valley overnight, officials confirmed.',
].join('\n\n');

describe('summarise', () => {
  const summary = summarise([
    { id: 'a', outlet: 'Wire Service', title: null, text: WIRE },
    { id: 'b', outlet: 'Valley Post', title: null, text: COPY },
    { id: 'c', outlet: 'Farm Weekly', title: null, text: OWN },
  ]);

  it('returns three to five sentences', () => {
    assert.ok(summary.length >= 3 && summary.length <= 5, String(summary.length));
  });

  it('links a house-styled copy of a sentence to both articles that carry it', () => {
    const lead = summary.find((s) => s.text.includes('burst its banks'));
    assert.ok(lead);
    assert.deepEqual(lead.articleIds, ['a', 'b']);
    assert.equal(lead.singleSource, false);
  });

  it('links a lightly reworded sentence across independent outlets', () => {
    const rescue = summary.find((s) => s.text.startsWith('Rescue crews'));
    assert.ok(rescue);
    assert.deepEqual(rescue.articleIds, ['a', 'b', 'c']);
  });

  it('flags a sentence only one outlet reports', () => {
    const single = summarise([
      { id: 'c', outlet: 'Farm Weekly', title: null, text: OWN },
      { id: 'a', outlet: 'Wire Service', title: null, text: WIRE },
    ]).filter((s) => s.singleSource);
    assert.ok(single.length > 0);
    for (const s of single) assert.equal(s.articleIds.length, 1);
  });

  it('returns nothing for no articles', () => {
    assert.deepEqual(summarise([]), []);
  });
});

describe('splitSentences', () => {
  it('does not split after honorifics, initials or month abbreviations', () => {
    assert.deepEqual(
      splitSentences('Mr. Halvorsen met J. Varga on Aug. 3 in Kessing. They spoke for an hour.'),
      ['Mr. Halvorsen met J. Varga on Aug. 3 in Kessing.', 'They spoke for an hour.'],
    );
  });

  it('keeps a closing quote with its sentence', () => {
    assert.deepEqual(splitSentences('"We will rebuild." The mayor left.'), [
      '"We will rebuild."',
      'The mayor left.',
    ]);
  });
});
