// Every legacy encoding a news page may come in, from bytes we generate ourselves: prose in the
// encoding's languages is encoded with a table built from the platform's own decoder, wrapped in
// a page that declares nothing (detection), or declares it in the HTTP header or a <meta> tag,
// and must decode back to exactly the same text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decode } from './decode.js';
import { extract } from './index.js';

const SAMPLES: Record<string, string> = {
  fr: 'La fête d’été a réuni des élèves, des bénévoles et le maire, Hélène Garçonnet, près de l’église où la fanfare a joué jusqu’à minuit. « Quelle année ! » a-t-elle déclaré, très émue, à côté du marché couvert.',
  de: 'Die Bürgerinnen und Bürger der Gemeinde müssen sich auf längere Bauarbeiten einstellen, weil die Brücke über den Fluss größere Schäden aufweist. Für Fußgänger wird eine Umleitung über die Straße am Südufer eingerichtet.',
  es: 'El alcalde anunció que la compañía ampliará el puerto pesquero este año, una obra que según los vecinos llegará demasiado tarde. «Llevamos años esperando», dijo una pescadora jubilada de sesenta años en la plaza mayor.',
  pl: 'Mieszkańcy gminy muszą przygotować się na dłuższe utrudnienia, ponieważ most na rzece ma poważne uszkodzenia. Dla pieszych wyznaczono objazd przez ulicę przy południowym brzegu, a żółte tablice wskażą drogę do źródła.',
  cs: 'Obyvatelé obce se musí připravit na delší stavební práce, protože most přes řeku má vážné poškození. Pro chodce bude zřízena objížďka přes ulici u jižního břehu a žluté cedule ukážou cestu k náměstí.',
  ru: 'Жители посёлка должны подготовиться к долгим ремонтным работам, потому что мост через реку серьёзно повреждён. Для пешеходов организуют объезд по улице у южного берега, сообщили в администрации района.',
  el: 'Οι κάτοικοι του χωριού πρέπει να προετοιμαστούν για μεγάλα έργα, επειδή η γέφυρα πάνω από το ποτάμι έχει σοβαρές ζημιές. Για τους πεζούς θα δημιουργηθεί παράκαμψη από τον δρόμο στη νότια όχθη.',
  zhHans:
    '村民们必须为长期的施工做好准备，因为河上的桥梁受到了严重损坏。当局表示，将在南岸的街道为行人设立绕行路线，工程预计持续到明年春天。',
  zhHant:
    '村民們必須為長期的施工做好準備，因為河上的橋樑受到了嚴重損壞。當局表示，將在南岸的街道為行人設立繞行路線，工程預計持續到明年春天。',
  ja: '町の住民は長い工事に備えなければならない。川に架かる橋が大きな損傷を受けたためで、歩行者のために南岸の通りを通る迂回路が設けられると役場は説明した。',
  ko: '마을 주민들은 강 위의 다리가 심하게 손상되어 오랜 공사에 대비해야 한다. 당국은 보행자를 위해 남쪽 강변 거리에 우회로를 마련하겠다고 밝혔다.',
  he: 'תושבי הכפר צריכים להתכונן לעבודות ארוכות, משום שהגשר מעל הנהר ניזוק קשות. להולכי רגל תוסדר דרך עוקפת ברחוב שליד הגדה הדרומית, כך נמסר מהמועצה.',
};

/** Encodes `text` in `label` with a reverse table built from TextDecoder (Node encodes only
 *  UTF-8). Single-byte encodings map 0x80-0xFF; multi-byte ones every lead/trail pair. */
function encode(text: string, label: string): Uint8Array {
  const table = new Map<string, number[]>();
  const fatal = new TextDecoder(label, { fatal: true });
  const put = (bytes: number[]): void => {
    let ch: string;
    try {
      ch = fatal.decode(Uint8Array.from(bytes));
    } catch {
      return;
    }
    if ([...ch].length === 1 && !table.has(ch)) table.set(ch, bytes);
  };
  for (let b = 0x80; b <= 0xff; b++) put([b]);
  if (label === 'windows-1252') {
    const high = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
    [...high].forEach((ch, i) => table.set(ch, [0x80 + i]));
  }
  const needed = new Set([...text].filter((c) => c.charCodeAt(0) >= 0x80));
  const multi = ['gbk', 'gb18030', 'big5', 'euc-kr', 'euc-jp', 'shift_jis'].includes(label);
  for (let lead = 0x81; multi && lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) put([lead, trail]);
    if ([...needed].every((c) => table.has(c))) break;
  }
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no ${label} bytes for ${ch}`);
      out.push(...bytes);
    }
  }
  return Uint8Array.from(out);
}

function page(body: string, head = '', lang = ''): string {
  const attr = lang ? ` lang="${lang}"` : '';
  return `<!DOCTYPE html><html${attr}><head>${head}<title>T</title></head><body><article><p>${body}</p><p>${body}</p></article></body></html>`;
}

describe('legacy encodings, detected when the page declares nothing', () => {
  const cases: [string, string, string, string?][] = [
    ['fr', 'windows-1252', 'windows-1252'],
    ['de', 'windows-1252', 'windows-1252'],
    ['es', 'windows-1252', 'windows-1252'],
    ['pl', 'windows-1250', 'windows-1250'],
    ['pl', 'iso-8859-2', 'iso-8859-2'],
    ['cs', 'windows-1250', 'windows-1250', 'cs'],
    ['ru', 'windows-1251', 'windows-1251'],
    ['ru', 'koi8-r', 'koi8-r'],
    ['el', 'windows-1253', 'windows-1253'],
    ['he', 'windows-1255', 'windows-1255', 'he'],
    ['zhHans', 'gbk', 'gb18030'],
    ['zhHant', 'big5', 'big5'],
    ['ja', 'shift_jis', 'shift_jis'],
    ['ja', 'euc-jp', 'euc-jp'],
    ['ko', 'euc-kr', 'euc-kr'],
  ];
  for (const [lang, label, detected, declaredLang] of cases) {
    it(`decodes ${lang} prose written in ${label}${declaredLang ? ` (html lang=${declaredLang})` : ''}`, () => {
      const text = SAMPLES[lang]!;
      const r = decode(encode(page(text, '', declaredLang), label), null);
      assert.ok(r.ok, JSON.stringify(r));
      assert.equal(r.encoding, detected);
      assert.ok(r.text.includes(text), `${lang} text decoded wrongly: ${r.text.slice(120, 220)}`);
    });
  }
});

describe('legacy encodings, declared', () => {
  it('follows the HTTP header charset (ISO-8859-2 Polish)', () => {
    const r = decode(encode(page(SAMPLES.pl!), 'iso-8859-2'), 'text/html; charset=ISO-8859-2');
    assert.ok(r.ok && r.text.includes(SAMPLES.pl!) && r.encoding === 'iso-8859-2');
  });

  it('follows a <meta charset> (GB2312 read as GBK, ISO-8859-7 Greek)', () => {
    const zh = decode(encode(page(SAMPLES.zhHans!, '<meta charset="gb2312">'), 'gbk'), null);
    assert.ok(zh.ok && zh.text.includes(SAMPLES.zhHans!) && zh.encoding === 'gbk');
    const meta = '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-7">';
    const el = decode(encode(page(SAMPLES.el!, meta), 'iso-8859-7'), null);
    assert.ok(el.ok && el.text.includes(SAMPLES.el!) && el.encoding === 'iso-8859-7');
  });

  it('lets a byte order mark overrule a wrong declaration', () => {
    const utf8 = new TextEncoder().encode(page(SAMPLES.de!, '<meta charset="windows-1252">'));
    const r = decode(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]), 'text/html; charset=iso-8859-1');
    assert.ok(r.ok && r.encoding === 'utf-8' && r.text.includes(SAMPLES.de!));
  });

  it('extracts an article end to end from an undeclared GBK page', () => {
    const body = encode(page(SAMPLES.zhHans!.repeat(2)), 'gbk');
    const at = new Date('2031-01-01T00:00:00Z');
    const r = extract(
      { url: 'https://cun.example/qiao', fetchedAt: at, body, contentType: null },
      at,
    );
    assert.equal(r.kind, 'article');
    if (r.kind === 'article') {
      assert.equal(r.encoding, 'gb18030');
      assert.ok(r.article.text.includes(SAMPLES.zhHans!));
      assert.equal(r.article.language, 'zh');
    }
  });
});
