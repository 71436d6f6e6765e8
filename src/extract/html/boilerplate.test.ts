import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dropBoilerplate } from './boilerplate.js';

describe('dropBoilerplate', () => {
  it('drops site promotions and a closing copyright line, keeps shopping and how-to lines', () => {
    const kept = dropBoilerplate([
      'The council approved the plan on Monday.',
      'Get the Star in your inbox',
      'Sign up for a library card to borrow the new e-books.',
      'See it now: Amazon',
      'Follow topic: Aviation',
      'Print this story | E-mail this story',
      'The work starts in April.',
      'Copyright 2031 Carrow Post. All rights reserved.',
    ]);
    assert.deepEqual(kept, [
      'The council approved the plan on Monday.',
      'Sign up for a library card to borrow the new e-books.',
      'See it now: Amazon',
      'The work starts in April.',
    ]);
  });

  it('drops widget labels and teaser tails in German, French, Spanish and Chinese', () => {
    assert.deepEqual(
      dropBoilerplate([
        'Erster Absatz.',
        'Anzeige',
        'Zweiter Absatz.',
        'Mehr zum Thema',
        'Teaser eins',
        'Teaser zwei',
      ]),
      ['Erster Absatz.', 'Zweiter Absatz.'],
    );
    assert.deepEqual(dropBoilerplate(['Premier paragraphe.', 'Publicité', 'Fin.']), [
      'Premier paragraphe.',
      'Fin.',
    ]);
    assert.deepEqual(
      dropBoilerplate(['第一段。', '广告', '第二段。', '相关阅读：', '标题一', '标题二']),
      ['第一段。', '第二段。'],
    );
  });
});
