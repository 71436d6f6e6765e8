import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decode } from './decode.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('decode', () => {
  it('strips a UTF-8 byte order mark and reports utf-8', () => {
    const r = decode(Uint8Array.of(0xef, 0xbb, 0xbf, ...enc('héllo')), null);
    assert.deepEqual(r, { ok: true, text: 'héllo', encoding: 'utf-8' });
  });

  it('decodes UTF-16LE when a byte order mark says so', () => {
    const r = decode(Uint8Array.of(0xff, 0xfe, 0x68, 0x00, 0x69, 0x00), null);
    assert.deepEqual(r, { ok: true, text: 'hi', encoding: 'utf-16le' });
  });

  it('follows the Content-Type charset before a meta charset', () => {
    const bytes = Uint8Array.of(...enc('<meta charset="utf-8"><p>caf'), 0xe9, ...enc('</p>'));
    const r = decode(bytes, 'text/html; charset=ISO-8859-1');
    assert.ok(r.ok && r.text.includes('café') && r.encoding === 'windows-1252');
  });

  it('follows a meta http-equiv charset in the first bytes', () => {
    const bytes = Uint8Array.of(
      ...enc('<meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><p>'),
      0xcf,
      0xf0,
      0xe8,
    );
    const r = decode(bytes, null);
    assert.ok(r.ok && r.text.endsWith('При'), JSON.stringify(r));
  });

  it('maps windows-1252 curly quotes that Node decodes as control characters', () => {
    const r = decode(
      Uint8Array.of(0x93, 0x61, 0x94, 0x20, 0x80),
      'text/plain; charset=windows-1252',
    );
    assert.ok(r.ok && r.text === '“a” €');
  });

  it('detects windows-1252 when nothing is declared and the bytes are not UTF-8', () => {
    const r = decode(
      Uint8Array.of(...enc('<p>Le caf'), 0xe9, ...enc(' de la gare a rouvert.</p>')),
      null,
    );
    assert.ok(r.ok && r.encoding === 'windows-1252' && r.text.includes('café'));
  });

  it('reports empty and whitespace-only input as INPUT_EMPTY', () => {
    for (const b of [new Uint8Array(0), enc(' \n\t\r\n ')]) {
      const r = decode(b, 'text/html');
      assert.ok(!r.ok && r.code === 'INPUT_EMPTY');
    }
  });

  it('reports NUL bytes and control characters as INPUT_BINARY', () => {
    const r1 = decode(Uint8Array.of(...enc('<html>'), 0, 0, ...enc('</html>')), null);
    assert.ok(!r1.ok && r1.code === 'INPUT_BINARY');
    const junk = Uint8Array.from({ length: 400 }, (_, i) => (i % 5 === 0 ? 0x01 : 0x61));
    const r2 = decode(junk, null);
    assert.ok(!r2.ok && r2.code === 'INPUT_BINARY');
  });

  it('reports invalid bytes in declared UTF-8 as INPUT_CORRUPT with the byte offset', () => {
    const r = decode(
      Uint8Array.of(...enc('<p>ok'), 0xc3, 0x28, ...enc('</p>')),
      'text/html; charset=utf-8',
    );
    assert.ok(
      !r.ok && r.code === 'INPUT_CORRUPT' && r.reason.includes('invalid UTF-8 at byte 5'),
      JSON.stringify(r),
    );
  });

  it('reports a damaged spot in short undeclared UTF-8 text as INPUT_CORRUPT', () => {
    const bytes = Uint8Array.of(
      ...enc('Café “open” late. The café said.'),
      0xc3,
      0x28,
      0xa0,
      0xa1,
      ...enc(' rest'),
    );
    const r = decode(bytes, 'text/plain');
    assert.ok(!r.ok && r.code === 'INPUT_CORRUPT', JSON.stringify(r));
  });

  it('reports invalid bytes in evidently UTF-8 text as INPUT_CORRUPT', () => {
    const good = enc('é'.repeat(20));
    const r = decode(Uint8Array.of(...good, 0xff, ...good), null);
    assert.ok(
      !r.ok && r.code === 'INPUT_CORRUPT' && r.reason.includes('byte 40'),
      JSON.stringify(r),
    );
  });
});
