import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  copyrightHolder,
  isCallToAction,
  isCopyrightLine,
  isSitePromotion,
} from './page-furniture.js';

describe('calls to action', () => {
  it('recognises imperatives aimed at the reader, in several languages', () => {
    for (const line of [
      'Get the biggest stories of the day sent straight to your inbox',
      'Sign me up',
      'Follow topic: Aviation',
      'Print this story | E-mail this story',
      'See what Brieflo Assist can summarise for you:',
      'Subscribe to the Review — Twelve issues a year, delivered to your door, for €48. Find out more »',
      'Listen live',
      'Newsletter abonnieren',
      'Abonnez-vous à notre newsletter',
      'Síguenos en Twitter',
    ])
      assert.ok(isCallToAction(line), line);
  });

  it('leaves sentences, quotes and long how-to steps alone', () => {
    for (const line of [
      'Get-togethers of more than six people were banned in March, the ministry said.',
      '“Follow the money,” the auditor told the committee on Tuesday.',
      'Read the full report, which runs to 300 pages, before the vote next week, the chair urged members.',
      'Following the vote, the council adjourned.',
    ])
      assert.ok(!isCallToAction(line), line);
  });

  it('counts as a site promotion only with an inbox, newsletter, subscription or the story itself', () => {
    assert.ok(isSitePromotion('Get the Star in your inbox'));
    assert.ok(!isSitePromotion('See it now: Amazon'));
    assert.ok(!isSitePromotion('Sign up for a Hulu ad-free account for $11.99 a month'));
  });
});

describe('copyright lines', () => {
  it('recognises them and names the holder', () => {
    assert.ok(isCopyrightLine('Copyright © 2026 The Coastline Herald. All rights reserved.'));
    assert.ok(isCopyrightLine('Alle Rechte vorbehalten.'));
    assert.equal(
      copyrightHolder('Copyright © 2026 The Coastline Herald. All rights reserved.'),
      'The Coastline Herald',
    );
    assert.equal(
      copyrightHolder('© Daily Lantern 2026. Registered in England No. 01234567'),
      'Daily Lantern',
    );
    assert.equal(copyrightHolder('(c) 2019-2026 Harbour Media Ltd'), 'Harbour Media');
  });

  it('names nobody when the line holds no name', () => {
    assert.equal(copyrightHolder('© 2026. All rights reserved.'), null);
    assert.equal(copyrightHolder('The photo is copyright of the artist.'), null);
  });
});
