import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDateline, findSignOff, readWire } from './wire.js';

describe('wire datelines and sign-offs', () => {
  it('reads a Reuters dateline with city and date', () => {
    const d = findDateline(
      'MOSCOW, Aug 20 (Reuters) - Russia said on Wednesday that talks would continue.',
    );
    assert.equal(d?.dateline, 'MOSCOW, Aug 20 (Reuters) -');
    assert.equal(d?.credit, 'Reuters');
    assert.ok(d?.rest.startsWith('Russia said'));
  });

  it('reads an AP dateline without a date', () => {
    const d = findDateline('WASHINGTON (AP) — Lawmakers returned on Monday.');
    assert.equal(d?.credit, 'AP');
    assert.equal(d?.dateline, 'WASHINGTON (AP) —');
  });

  it('ignores a paragraph that merely mentions an agency', () => {
    assert.equal(findDateline('Officials told Reuters (Reuters) - nothing'), null);
    assert.equal(findDateline('The minister spoke to reporters on Monday.'), null);
  });

  it('cuts an upper-case agency sign-off and keeps the sentence', () => {
    const s = findSignOff('Kyiv says the invasion is a land grab. REUTERS');
    assert.deepEqual(s, { credit: 'Reuters', rest: 'Kyiv says the invasion is a land grab.' });
  });

  it('leaves a sentence ending in an ordinary word alone', () => {
    assert.equal(findSignOff('The deal was reported by Reuters.'), null);
    assert.equal(findSignOff('He works for AFP'), null);
  });
});

describe('wire credit from any source, agencies unknown to us included', () => {
  it('reads an agency it has never heard of from the dateline shape', () => {
    const d = findDateline('VALDORA, March 3 (Meridian) - A cargo jet overran the runway.');
    assert.deepEqual(d && { dateline: d.dateline, credit: d.credit }, {
      dateline: 'VALDORA, March 3 (Meridian) -',
      credit: 'Meridian',
    });
    assert.equal(findDateline('HAYWARD, Calif. (AP) — The Latest on a stabbing.')?.credit, 'AP');
    assert.equal(findDateline('BERLIN (dpa) - Die Regierung hat beschlossen.')?.credit, 'dpa');
  });

  it('reads a dateline without an agency when a spaced dash follows the city in capitals', () => {
    const d = findDateline('RIVERMOUTH — Zoë Marchetti has never hidden her one great subject.');
    assert.equal(d?.dateline, 'RIVERMOUTH —');
    assert.equal(d?.credit, null);
    assert.equal(findDateline('UPDATE — The minister resigned.'), null);
    assert.equal(findDateline('A — the first letter — was missing.'), null);
  });

  it('finds the dateline below a new lead and keeps it in the text', () => {
    const w = readWire([
      'Investigators were last night trying to establish why the jet failed to stop.',
      'VALDORA, March 3 (Meridian) - A cargo jet overran the end of the runway.',
      'The four people on board walked away.',
    ]);
    assert.equal(w.dateline, 'VALDORA, March 3 (Meridian) -');
    assert.equal(w.credit, 'Meridian');
    assert.equal(w.paragraphs.length, 3);
  });

  it('takes a closing credit line of its own and removes it from the body', () => {
    for (const [line, credit] of [
      ['MERIDIAN', 'Meridian'],
      ['REUTERS', 'Reuters'],
      ['Reuters/AFP', 'Reuters'],
      ['(AP)', 'AP'],
      ['— AFP', 'AFP'],
      ['AFP, REUTERS', 'AFP'],
    ] as const) {
      const w = readWire(['The talks ended without a deal, officials said.', line]);
      assert.equal(w.credit, credit, line);
      assert.deepEqual(w.paragraphs, ['The talks ended without a deal, officials said.'], line);
    }
  });

  it('does not take an ordinary closing line for a credit', () => {
    for (const line of ['The End', 'Contact us', 'Photos by Ana Lin', 'END']) {
      const w = readWire(['The talks ended without a deal, officials said.', line]);
      assert.equal(w.credit, null, line);
      assert.equal(w.paragraphs.length, 2, line);
    }
  });

  it('reads an agency from the byline or the metadata when the text names none', () => {
    const body = ['The talks ended without a deal, officials said.', 'More talks are planned.'];
    assert.equal(readWire(body, { byline: 'Ana Lin, Reuters' }).credit, 'Reuters');
    assert.equal(readWire(body, { byline: 'By Associated Press' }).credit, 'AP');
    assert.equal(readWire(body, { byline: 'Ana Lin | AFP' }).credit, 'AFP');
    assert.equal(readWire(body, { byline: 'Reuters Staff' }).credit, 'Reuters');
    assert.equal(readWire(body, { authors: ['Agence France-Presse'] }).credit, 'AFP');
    assert.equal(readWire(body, { byline: 'Ana Lin', authors: ['The Daily Planet'] }).credit, null);
  });

  it('names PA and dpa however an outlet writes them', () => {
    const body = ['The talks ended without a deal, officials said.', 'More talks are planned.'];
    assert.equal(findDateline('LONDON (PA) - Rail fares will rise in March.')?.credit, 'PA');
    assert.equal(readWire(body, { byline: 'Ana Lin, PA Media' }).credit, 'PA');
    assert.equal(readWire(body, { authors: ['Press Association'] }).credit, 'PA');
    assert.equal(readWire([body[0]!, 'PA']).credit, 'PA');
    assert.equal(findDateline('BERLIN (dpa) - Die Gespräche enden ohne Einigung.')?.credit, 'dpa');
    assert.equal(readWire(body, { byline: 'Ana Lin, dpa' }).credit, 'dpa');
  });

  it('prefers the dateline over a sign-off, the byline and the metadata', () => {
    const w = readWire(['PARIS (AFP) - Talks ended.', 'Nothing was agreed. REUTERS'], {
      byline: 'Ana Lin, AP',
    });
    assert.equal(w.credit, 'AFP');
    assert.deepEqual(w.paragraphs, ['PARIS (AFP) - Talks ended.', 'Nothing was agreed.']);
  });
});
