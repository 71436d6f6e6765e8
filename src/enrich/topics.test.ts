import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findTopics } from './topics.js';

// Fictional outlets and events, written for these tests.
const TEXT = [
  'BRAVOSK, March 3 (Reuters) - Valerian President Olek Marchenkiy met Mr Halvorsen in Bravosk on Tuesday.',
  'Marchenko said NATO would send observers, a point Nato officials confirmed to the Associated Press.',
  'Jonas Halvorsen, the Nordmark prime minister, said Halvorsen would return in May.',
  'The Bank of Valeria said inflation was steady.',
].join('\n\n');

describe('findTopics', () => {
  const topics = findTopics({
    title: 'Marchenkiy meets Halvorsen in Bravosk',
    text: TEXT,
    language: 'en',
  });
  const keys = topics.map((t) => t.key);

  it('merges "Mr Halvorsen", "Halvorsen" and "Jonas Halvorsen" into one person', () => {
    assert.equal(keys.filter((k) => k.includes('halvorsen')).length, 1);
    assert.ok(keys.includes('person:jonas-halvorsen'), keys.join(' '));
  });

  it('merges NATO and Nato into one organisation shown in capitals', () => {
    const nato = topics.filter((t) => t.key === 'organisation:nato');
    assert.equal(nato.length, 1);
    assert.equal(nato[0]!.name, 'NATO');
  });

  it('finds wire agencies by credit and by full name', () => {
    assert.ok(keys.includes('organisation:reuters'));
    assert.ok(keys.includes('organisation:associated-press'));
  });

  it('classifies a title-case phrase by its head word', () => {
    assert.ok(keys.includes('organisation:bank-of-valeria'), keys.join(' '));
  });

  it('keys every topic as kind, colon, ascii slug', () => {
    for (const t of topics)
      assert.match(t.key, /^(person|organisation|place|theme):[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('is deterministic', () => {
    assert.deepEqual(
      findTopics({ title: 'Marchenkiy meets Halvorsen in Bravosk', text: TEXT, language: 'en' }),
      topics,
    );
  });

  it('keeps only rule-based entities for languages the tagger does not read', () => {
    const de = findTopics({
      title: null,
      text: 'Die NATO und Reuters berichten aus Bravosk.',
      language: 'de',
    });
    assert.deepEqual(de.map((t) => t.key).sort(), ['organisation:nato', 'organisation:reuters']);
  });

  it('leaves out the writers: byline names and staff credit lines are not topics', () => {
    const found = findTopics({
      title: 'Harbour board approves new ferry pier',
      text: [
        'PORT ELWYN, May 2 (Meridian) - The Elwyn Harbour Board approved a new ferry pier on Friday, chair Ines Calder said.',
        '(Reporting by Tova Brandt; Additional reporting by Ruben Sayle; Editing by Olga Marsh)',
      ].join('\n\n'),
      language: 'en',
      byline: 'By Tova Brandt and Pia Lund',
    }).map((t) => t.key);
    assert.ok(found.includes('person:ines-calder'), found.join(' '));
    for (const writer of ['tova-brandt', 'ruben-sayle', 'olga-marsh', 'pia-lund']) {
      assert.ok(!found.includes(`person:${writer}`), `${writer} in ${found.join(' ')}`);
    }
  });
});
