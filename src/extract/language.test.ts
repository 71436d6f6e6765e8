import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectLanguage, normaliseLanguageTag } from './language.js';

describe('detectLanguage', () => {
  it('tells English, German and French prose apart by function words', () => {
    assert.equal(
      detectLanguage(
        'The council said that the bridge was closed for repairs and it will reopen in the spring.',
      ),
      'en',
    );
    assert.equal(
      detectLanguage(
        'Die Stadt hat das Museum nicht geschlossen, und der Architekt ist mit dem Ergebnis zufrieden.',
      ),
      'de',
    );
    assert.equal(
      detectLanguage(
        'Le maire a dit que la fête est une tradition pour les habitants du village et des environs.',
      ),
      'fr',
    );
  });

  it('names Japanese, Korean and Russian by their scripts', () => {
    assert.equal(detectLanguage('港町の祭りに人が集まりました。'), 'ja');
    assert.equal(detectLanguage('서울 시내에 눈이 많이 내렸습니다.'), 'ko');
    assert.equal(detectLanguage('Город открыл новый мост через реку.'), 'ru');
  });

  it('returns null when there is too little to go on', () => {
    assert.equal(detectLanguage('OK'), null);
  });
});

describe('normaliseLanguageTag', () => {
  it('normalises case and separators and rejects junk', () => {
    assert.equal(normaliseLanguageTag('en_us'), 'en-US');
    assert.equal(normaliseLanguageTag('DE'), 'de');
    assert.equal(normaliseLanguageTag('  '), null);
  });
});
