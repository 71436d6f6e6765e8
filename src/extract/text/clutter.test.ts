import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyLine, splitCaption } from './clutter.js';

describe('classifyLine', () => {
  it('recognises widget lines of many sites', () => {
    for (const line of [
      'Sign up now: Get our newsletters delivered to your inbox',
      'Follow topic:',
      'Share this article',
      'See more on',
      'Read more',
      'Advertisement',
      'No comments yet...',
      '12 comments',
      'Try Our AI Features',
    ]) {
      assert.equal(classifyLine(line), 'clutter', line);
    }
  });

  it('keeps sentences that merely start like a widget', () => {
    assert.equal(
      classifyLine(
        'Subscribers to the service rose by a third in the year to March, the company said.',
      ),
      'text',
    );
    assert.equal(
      classifyLine('Follow-up talks are planned for next week in Geneva, officials said.'),
      'text',
    );
  });

  it('finds related-article markers, photo credits and agency captions', () => {
    assert.equal(classifyLine('Related Articles'), 'related-marker');
    assert.equal(classifyLine('PHOTO: AFP'), 'photo-credit');
    assert.equal(
      classifyLine(
        'A crane lifts a span into place. Handout via REUTERS ATTENTION EDITORS - THIS IMAGE HAS BEEN SUPPLIED BY A THIRD PARTY.',
      ),
      'caption',
    );
  });
});

describe('splitCaption', () => {
  it('separates what the photo shows from who supplied it and drops the boilerplate', () => {
    const c = splitCaption(
      'A crane lifts a span into place in Tarrow, March 3, 2031. Northern Grid/Handout via REUTERS ATTENTION EDITORS - THIS IMAGE HAS BEEN SUPPLIED BY A THIRD PARTY.',
    );
    assert.equal(c.caption, 'A crane lifts a span into place in Tarrow, March 3, 2031.');
    assert.equal(c.credit, 'Northern Grid/Handout via REUTERS');
  });
});

describe('classifyLine in other languages', () => {
  it('recognises German, French, Spanish and Chinese widgets and related markers', () => {
    for (const line of [
      'Anzeige',
      'Teilen',
      '12 Kommentare',
      'Publicité',
      'Compartir',
      '广告',
      '分享到：',
    ])
      assert.equal(classifyLine(line), 'clutter', line);
    for (const line of ['Mehr zum Thema', 'À lire aussi', 'Noticias relacionadas', '相关阅读'])
      assert.equal(classifyLine(line), 'related-marker', line);
    for (const line of [
      'Newsletter abonnieren',
      'Abonnez-vous à notre newsletter',
      'Suscríbete a nuestro boletín',
    ])
      assert.equal(classifyLine(line), 'clutter', line);
  });

  it('keeps prose that starts with the same words', () => {
    assert.equal(
      classifyLine('Teilen sich die Parteien die Macht, muss die Koalition neu verhandelt werden.'),
      'text',
    );
  });
});
