import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanTitle } from './title.js';

describe('cleanTitle', () => {
  it('cuts the known site name after a separator', () => {
    assert.equal(
      cleanTitle('Harbour bridge reopens | The Lowmoor Courier', 'The Lowmoor Courier'),
      'Harbour bridge reopens',
    );
    assert.equal(
      cleanTitle('Lowmoor Courier - Harbour bridge reopens', 'Lowmoor Courier'),
      'Harbour bridge reopens',
    );
  });

  it('cuts a short trailing part when the site name is unknown', () => {
    assert.equal(
      cleanTitle('Night trains return to the valley line | Carrow Gazette', null),
      'Night trains return to the valley line',
    );
  });

  it('keeps a headline whose own dash is not a site separator', () => {
    assert.equal(
      cleanTitle('Fed holds rates - and signals a cut in spring', null),
      'Fed holds rates - and signals a cut in spring',
    );
  });
});
