// A figure caption split into what it shows and who took or supplied the picture. The credit
// is either marked up (an element whose class says credit / copyright / source) or written at
// the end: "(credit: NASA)", "Photo: Jane Doe/AFP", "Picture by Ana Lin".
import { normaliseSpace } from '../article.js';
import { elementsInOrder, type El } from './dom.js';

const CREDIT_CLASS = /credit|copyright|source|photographer/i;
const TRAILING_CREDIT =
  /[\s(|[—–-]*\b(?:photo(?:graph)?s?|images?|pictures?|credits?|foto)\s*(?:by|:|credit:)\s*([^()[\]|]{2,80}?)[)\]]?\s*$/i;

export function splitFigcaption(figcaption: El): { caption: string | null; credit: string | null } {
  const text = normaliseSpace(figcaption.textContent ?? '');
  const marked = elementsInOrder(figcaption).find(
    (el) => el !== figcaption && CREDIT_CLASS.test(el.getAttribute('class') ?? ''),
  );
  if (marked) {
    const credit = normaliseSpace(marked.textContent ?? '').replace(
      /^(photo|image|credit)s?\s*:\s*/i,
      '',
    );
    const caption = normaliseSpace(text.replace(normaliseSpace(marked.textContent ?? ''), ''));
    return { caption: caption || null, credit: credit || null };
  }
  const m = TRAILING_CREDIT.exec(text);
  if (m) return { caption: text.slice(0, m.index).trim() || null, credit: m[1]!.trim() };
  return { caption: text || null, credit: null };
}
