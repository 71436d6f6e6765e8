import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mergeAliases } from './aliases.js';

describe('mergeAliases', () => {
  it('joins transliteration variants and a bare surname into the full name', () => {
    const topics = mergeAliases([
      { kind: 'person', name: 'Zelenskiy' },
      { kind: 'person', name: 'Volodymyr Zelenskiy' },
      { kind: 'person', name: 'Zelensky' },
      { kind: 'person', name: 'Volodymyr Zelensky' },
    ]);
    assert.equal(topics.length, 1);
    assert.equal(topics[0]!.kind, 'person');
    assert.match(topics[0]!.name, /^Volodymyr Zelensk/);
  });

  it('gives a bare surname to the most mentioned of two full names', () => {
    const topics = mergeAliases([
      { kind: 'person', name: 'Ana Petrova' },
      { kind: 'person', name: 'Ivan Petrova' },
      { kind: 'person', name: 'Ivan Petrova' },
      { kind: 'person', name: 'Petrova' },
    ]);
    assert.deepEqual(
      topics.map((t) => t.key),
      ['person:ivan-petrova', 'person:ana-petrova'],
    );
  });

  it('settles a name tagged with two kinds on the majority kind', () => {
    const topics = mergeAliases([
      { kind: 'place', name: 'Orlan' },
      { kind: 'person', name: 'Orlan' },
      { kind: 'place', name: 'Orlan' },
    ]);
    assert.deepEqual(topics, [{ kind: 'place', name: 'Orlan', key: 'place:orlan' }]);
  });

  it('unshouts dateline capitals but keeps acronyms', () => {
    const topics = mergeAliases([
      { kind: 'place', name: 'KORVALIS' },
      { kind: 'organisation', name: 'UNESCO' },
    ]);
    assert.deepEqual(
      topics.map((t) => t.name),
      ['Korvalis', 'UNESCO'],
    );
  });
});
