// Line classes of plain-text page dumps. The patterns describe widgets found across many news
// sites (newsletter prompts, follow/share buttons, comment boxes, tag lists, photo credits),
// phrased generically: none is keyed to one site's exact wording. Calls to action and
// copyright lines are recognised by shape (page-furniture.ts).
import { isCallToAction, isCopyrightLine } from '../page-furniture.js';

/** Lines that are page furniture wherever they appear. */
const CLUTTER: readonly RegExp[] = [
  /^(sign up|subscribe)\b.{0,120}$/i, // newsletter and account prompts
  /^(get|receive) (our|the|\w+'s)\b.{0,40}\b(newsletters?|alerts?|briefings?)\b/i,
  /^follow(\s+(us|topic|topics|this|on|author)\b.*)?:?$/i, // "Follow topic:", "Follow us on X"
  /^(share|share this( article| story| page)?|share on \w+|tweet|email|print|copy link|save|listen)\s*:?$/i,
  /^(see|read|view|show|load) (more|all|full)\b.{0,60}$/i, // "See more on", "Read more"
  /^(hashtags?|tags?|topics?|comments?|related|advertisement|advert|sponsored( content)?|ad)\s*:?$/i,
  /^(no comments yet|be the first to comment|add a comment|leave a comment|join the (conversation|discussion)).{0,40}$/i,
  /^\d+\s+comments?$/i,
  /^try our\b.{0,60}$/i, // product upsell ("Try Our AI Features")
  /^explore what\b.{0,60}\bcan do for you\b.{0,10}$/i,
  /^(download|get) (the|our) app\b.{0,80}$/i,
  /^(click|tap) here\b.{0,80}$/i,
  /^(copyright|©|\(c\))\s.{0,200}$/i,
  /^all rights reserved\.?$/i,
  /^(#[\p{L}\p{N}_]+[\s,]*)+$/u, // a row of hashtags
  /^(skip to (main )?content|back to top|scroll to top|menu|search|home)$/i,
  // the same widgets in German, French, Spanish, Italian and Chinese
  /^(anzeige|werbung|publicité|publicidad|anuncio|pubblicità|广告|廣告)$/i,
  /^(teilen|drucken|partager|imprimer|compartir|imprimir|condividi|分享|分享到|打印)\s*[:：]?$/i,
  /^(\d+\s+)?(kommentare?|commentaires?|comentarios?|commenti|评论|評論)\s*[:：]?$/i,
  /^(schlagwörter|themen|mots-clés|sujets|etiquetas|temas|标签|標籤)\s*[:：]?$/i,
];

/** Markers after which an aggregator lists other articles. */
const RELATED_MARKER =
  /^(related (articles|stories|news|content|coverage|posts|reads)|more (stories|news|articles|from [\w' ]{1,30})|you (may|might) (also )?like|recommended( for you| stories)?|read next|what to read next|trending( now)?|most (read|popular)|mehr zum thema|lesen sie auch|das könnte sie auch interessieren|verwandte artikel|à lire aussi|lire aussi|sur le même sujet|articles liés|noticias relacionadas|te puede interesar|más noticias|leggi anche|articoli correlati|相关阅读|相关新闻|相关文章|推荐阅读|延伸阅读|相關閱讀|相關新聞)\s*[:：]?$/i;

/** "PHOTO: REUTERS", "Photo: AFP", "Image: Getty Images", "FILE PHOTO: ...". */
const PHOTO_CREDIT =
  /^(?:file\s+)?(?:photo|photos|photograph|picture|image|images|pic|credit|photo credit)s?\s*[:：|]\s*(.{1,80})$/i;

/** A caption that carries its credit in parentheses at the end: "Fire crews at the scene
 *  (Image: Meridian)", "The pier at dusk (Photo: Ana Lin/AFP)". */
const CAPTION_WITH_CREDIT =
  /^(.{8,300}?)\s*\((?:photo|photograph|picture|image|pic|credit|foto|bild)s?\s*(?:by\s+|:\s*)([^()]{1,80})\)$/i;

/** Boilerplate that only ever appears in agency photo captions. */
const CAPTION_BOILERPLATE =
  /\b(ATTENTION EDITORS|THIS IMAGE HAS BEEN SUPPLIED BY A THIRD PARTY|MUST NOT OBSCURE LOGO|TPX IMAGES OF THE DAY|NO RESALES|NO ARCHIVES|MANDATORY CREDIT|EDITORIAL USE ONLY)\b/;

/** Photographer / agency credit inside a caption: "... via REUTERS", "(Photo by X/AFP)". */
const CAPTION_CREDIT =
  /\b(?:via|by)\s+(REUTERS|AFP|AP|Getty Images|EPA|Bloomberg)\b|\/(REUTERS|AFP|AP|EPA|Getty Images)\b/;

export type LineClass =
  'blank' | 'clutter' | 'related-marker' | 'photo-credit' | 'caption' | 'text';

export function classifyLine(line: string): LineClass {
  if (line === '') return 'blank';
  if (RELATED_MARKER.test(line)) return 'related-marker';
  if (PHOTO_CREDIT.test(line)) return 'photo-credit';
  if (CAPTION_BOILERPLATE.test(line) || CAPTION_WITH_CREDIT.test(line)) return 'caption';
  if (CLUTTER.some((re) => re.test(line))) return 'clutter';
  if (isCallToAction(line) || isCopyrightLine(line)) return 'clutter';
  return 'text';
}

export function photoCredit(line: string): string | null {
  const m = PHOTO_CREDIT.exec(line);
  return m ? m[1]!.trim() : null;
}

/** Splits an agency caption into what it shows and who supplied it, dropping the boilerplate. */
export function splitCaption(line: string): { caption: string; credit: string | null } {
  const paren = CAPTION_WITH_CREDIT.exec(line);
  if (paren) return { caption: paren[1]!.trim(), credit: paren[2]!.trim() };
  const cut = CAPTION_BOILERPLATE.exec(line);
  let caption = (cut ? line.slice(0, cut.index) : line).replace(/[\s-]+$/, '').trim();
  const credit = CAPTION_CREDIT.exec(caption);
  let creditText: string | null = null;
  if (credit) {
    // The credit is the last sentence-like chunk: "Press service .../Handout via REUTERS".
    const lastStop = caption.lastIndexOf('. ', credit.index);
    creditText = caption.slice(lastStop + 2).trim();
    caption = caption.slice(0, lastStop + 1).trim();
  }
  return { caption, credit: creditText };
}

/** Whether a line reads like running prose: ends like a sentence or is long. Labels, buttons
 *  and widget titles are short and unpunctuated. */
export function isProse(line: string): boolean {
  return (
    /[.!?"”’')\]]$/.test(line) ||
    wordCount(line) >= PROSE_MIN_WORDS ||
    /\p{Ll}[.!?]\s+\p{Lu}/u.test(line) // a sentence ends inside: "Affected? Email us at ..."
  );
}

/** Words in an unpunctuated line that still make it prose (a sentence missing its full stop);
 *  prompts such as "Explore what X can do for you:" have fewer. */
const PROSE_MIN_WORDS = 12;

export function wordCount(line: string): number {
  return line.split(/\s+/).filter(Boolean).length;
}
