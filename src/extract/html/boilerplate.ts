// Lines inside the chosen container that are page furniture, not body: standalone widget
// labels ("Advertisement", "This slideshow requires JavaScript.") anywhere, and the tail after a
// section label ("Tags", "Most read in world news", "Related articles") near the end, which
// starts a list of teasers or tags. Generic labels only, in the spirit of text/clutter.ts;
// calls to action and copyright lines are recognised by shape (page-furniture.ts).
import { isCopyrightLine, isSitePromotion } from '../page-furniture.js';

const STANDALONE = new RegExp(
  '^(' +
    [
      "advert|advertisement|advertising|sponsored( content)?|ad|story continues below( advertisement)?|continue reading( below)?|this (slideshow|video|content|gallery|feature) requires javascript\\.?|enable javascript.*|tell us what you think.{0,10}|\\d*\\s*comments?|share|print|email|don'?t miss|must read|read next|watch( now)?|subscribe|close|caption|back to gallery|(image|photo|picture|slide) \\d+ of \\d+|write a review|(leave|add|post) a (comment|reply|review)|reply|quote|report (post|abuse)",
      // the same labels in German, French, Spanish, Italian and Chinese
      'anzeige|werbung|publicité|publicidad|anuncio|pubblicità|广告|廣告',
      'teilen|drucken|partager|imprimer|compartir|imprimir|condividi|stampa|分享|分享到|打印',
      '\\d*\\s*(kommentare?|commentaires?|comentarios?|commenti)|评论|評論',
      'weiterlesen|mehr lesen|lire la suite|leer más|seguir leyendo|continua a leggere|阅读全文|閱讀全文',
    ].join('|') +
    ')$',
  'i',
);

const SECTION_LABEL = new RegExp(
  '^(' +
    [
      "tags?|topics?|filed under|related( articles| stories| posts| content| news| coverage)?|more (on|from|in|about|stories|news)\\b.{0,40}|most (read|popular|viewed|shared)\\b.{0,40}|comments?|read more|recommended( for you| stories| reading)?|you (may|might) also like.{0,20}|see also|further reading|trending( now| stories)?|latest (news|stories)|popular (now|stories)|don'?t miss|what to read next",
      // the same labels in German, French, Spanish, Italian and Chinese
      'mehr zum thema.{0,40}|lesen sie auch|auch interessant|das könnte sie auch interessieren|weitere artikel|verwandte artikel|themen|schlagwörter|meistgelesen',
      'à lire aussi|lire aussi|sur le même sujet|sur le même thème|articles liés|dans la même rubrique|les plus lus',
      'noticias relacionadas|te puede interesar|más noticias|lo más leído|relacionad[oa]s|temas|etiquetas',
      'leggi anche|articoli correlati|i più letti',
      '相关阅读|相关新闻|相关文章|推荐阅读|延伸阅读|热门文章|猜你喜欢|相關閱讀|相關新聞|延伸閱讀',
    ].join('|') +
    ')\\s*[:：]?$',
  'i',
);

/** Newsletter and alert prompts: a call to action together with what is being sold. */
const PROMO = new RegExp(
  [
    '\\b(sign up|subscribe|register)\\b.{0,120}\\b(newsletters?|inbox|alerts?|emails?)\\b',
    '\\b(newsletters?|alerts)\\b.{0,80}\\b(inbox|sign up|subscribe)\\b',
    '\\b(delivered|straight) to your inbox\\b|\\bmeet your inbox\\b',
    '^(breaking news|daily|free) (emails?|newsletters?|alerts)$',
    '\\bget (our |the )?(breaking news |email |daily |news )?(alerts|newsletters?)\\b',
    // author and community calls to action closing many articles
    '\\bfollow (us|him|her|them|me)( on| @|@)',
    '\\bjoin our\\b.{0,40}\\b(forums?|community|newsletter|conversation|mailing list)\\b',
    // the "how to cite this article" line closing science news
    '^citation:',
    // the log-in wall under a forum thread or a comment section
    '^(you )?(must|need to|have to|please) (be )?(log(ged)? ?in|sign(ed)? ?in|register)\\b.{0,80}\\b(reply|comment|post|join|see)',
  ].join('|'),
  'i',
);
/** A photo credit printed as its own line: "Jane Doe | Bloomberg | Getty Images",
 *  "Photo: AP", "(Photo by Ana Lin/AFP via Getty Images)". Short, unpunctuated, agency last. */
const PHOTO_CREDIT_LINE =
  /^(\(?(photo|image|picture|credit)s?( by)?\s*[:|]?\s*.{0,60}|.{0,80}(\||\/|\bvia\b)\s*(getty images|shutterstock|afp|reuters|ap|epa|alamy|bloomberg)\)?)$/i;
/** Longest photo credit line (characters). */
const MAX_CREDIT_LINE_CHARS = 100;

/** Prompts are short (characters): a longer paragraph that mentions a newsletter is text. */
const MAX_PROMO_CHARS = 250;

/** A section label (never the first line) cuts the tail only when what follows it is short
 *  (characters): a few teasers or a tag list... */
const MAX_TAIL_CHARS = 1500;
/** ...that does not read as prose: teaser headlines and tag lists do not end like sentences.
 *  At most this share of the tail's characters may sit in sentence-like paragraphs ("DON'T
 *  MISS" inside a body is followed by more body). */
const MAX_TAIL_PROSE_SHARE = 0.5;

/** Copyright lines are dropped among this many closing paragraphs (a page footer that the
 *  container took in); higher up, a line starting "Copyright" may be a photo credit or prose. */
const COPYRIGHT_TAIL = 3;

export function dropBoilerplate(paragraphs: string[]): string[] {
  const kept = paragraphs.filter(
    (p, i) =>
      !STANDALONE.test(p) &&
      !isSitePromotion(p) &&
      !(i >= paragraphs.length - COPYRIGHT_TAIL && isCopyrightLine(p)) &&
      !(p.length <= MAX_PROMO_CHARS && PROMO.test(p)) &&
      !(p.length <= MAX_CREDIT_LINE_CHARS && !/[.!?]$/.test(p) && PHOTO_CREDIT_LINE.test(p)),
  );
  const out: string[] = [];
  for (let i = 0; i < kept.length; i++) {
    const p = kept[i]!;
    if (i === 0 || !SECTION_LABEL.test(p)) {
      out.push(p);
      continue;
    }
    const tail = kept.slice(i + 1);
    if (isTeaserTail(tail)) return out;
    // A labelled box inside the body ("Most read in world news" then teaser headlines): skip
    // the label and the unpunctuated lines after it, up to the next prose paragraph.
    let j = i + 1;
    while (j < kept.length && !isSentence(kept[j]!)) j++;
    if (j - i - 1 >= MIN_BOX_TEASERS) i = j - 1;
    else out.push(p);
  }
  return out;
}

/** Lines after a label that make it a teaser box rather than a subheading. */
const MIN_BOX_TEASERS = 2;

function isSentence(p: string): boolean {
  return /[.!?"”…]$/.test(p);
}

function isTeaserTail(tail: string[]): boolean {
  const chars = tail.reduce((n, p) => n + p.length, 0);
  const prose = tail.filter(isSentence).reduce((n, p) => n + p.length, 0);
  return chars <= MAX_TAIL_CHARS && prose <= chars * MAX_TAIL_PROSE_SHARE;
}
