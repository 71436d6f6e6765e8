import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TermStats } from './term-stats.js';
import { combine, sublinear, topTerms } from './vectors.js';
import { Query } from './query.js';

function setup() {
  const stats = new TermStats();
  const a = sublinear(
    new Map([
      ['harbour', 3],
      ['^varga', 1],
      ['flood', 1],
    ]),
    stats,
  );
  const b = sublinear(
    new Map([
      ['harbour', 1],
      ['grain', 2],
    ]),
    stats,
  );
  stats.add(a.ids);
  stats.add(b.ids);
  return { stats, a, b };
}

describe('sparse vectors', () => {
  it('keep ids ascending with sublinear weights', () => {
    const { stats, a } = setup();
    assert.deepEqual(
      [...a.ids],
      [...a.ids].sort((x, y) => x - y),
    );
    assert.equal(a.values[[...a.ids].indexOf(stats.idOf('harbour'))], Math.fround(1 + Math.log(3)));
  });

  it('add and subtract back to the original', () => {
    const { a, b } = setup();
    const back = combine(combine(a, b, 1), b, -1);
    assert.deepEqual([...back.ids], [...a.ids]);
    back.values.forEach((x, i) => assert.ok(Math.abs(x - a.values[i]!) < 1e-5));
  });

  it('keep the strongest terms by tf-idf when pruned', () => {
    const { stats, a } = setup();
    const top = topTerms(a, 1, stats);
    assert.deepEqual([...top.ids], [stats.idOf('harbour')]);
  });
});

describe('Query', () => {
  it('scores a vector against itself at 1 per channel and a disjoint one at 0', () => {
    const { stats, a } = setup();
    const q = new Query(stats);
    q.load(a);
    const own = q.cosine(a, q.norms);
    assert.ok(Math.abs(own.words - 1) < 1e-6 && Math.abs(own.entities - 1) < 1e-6);
    const other = sublinear(new Map([['grain', 1]]), stats);
    assert.deepEqual(q.cosine(other, { words: 1, entities: 0 }), { words: 0, entities: 0 });
  });

  it('forgets the previous article when loading the next', () => {
    const { stats, a, b } = setup();
    const q = new Query(stats);
    q.load(a);
    q.load(b);
    assert.equal(q.weightOf(stats.idOf('flood')), 0);
    assert.ok(q.weightOf(stats.idOf('grain')) > 0);
  });
});
