// Lines that are page furniture by their shape rather than by a site's wording, shared by the
// HTML and text-dump paths: calls to action (an imperative aimed at the reader: "Get the Star in
// your inbox", "Sign me up", "Follow topic: Aviation", "Print this story | E-mail this story"),
// copyright lines, and the outlet a copyright line names. Imperatives open news sentences only
// in quotes and how-to pieces, so a call to action must also be short or carry a promo marker.

/** Imperatives that open calls to action, in English, German, French and Spanish. */
const CTA_VERB = new RegExp(
  '^(?:' +
    [
      'sign ?up',
      'sign in',
      'sign me up',
      'log ?in',
      'subscribe',
      'register',
      'join',
      'follow',
      'download',
      'get',
      'try',
      'read',
      'watch',
      'listen',
      'click',
      'tap',
      'share',
      'print',
      'e-?mail',
      'support',
      'donate',
      'find out',
      'learn',
      'discover',
      'explore',
      'install',
      'see',
      'view',
      'save',
      'bookmark',
      'leave',
      'unlock',
      'upgrade',
      'become a (?:member|subscriber|supporter)',
      'abonnieren',
      'abonnieren sie',
      'jetzt',
      'folgen sie',
      'teilen',
      'melden sie sich',
      'lesen sie',
      'inscrivez-vous',
      'abonnez-vous',
      'suivez',
      'partager',
      'partagez',
      'lire aussi',
      'suscríbete',
      'suscribirse',
      'síguenos',
      'compartir',
      'regístrate',
      'lee también',
    ].join('|') +
    ')\\b',
  'iu',
);

/** Words that make an imperative line a promotion: it addresses the reader or sells something. */
const PROMO_MARKER =
  /\b(you|your|our|us|me|free|now|today|here|inbox|newsletters?|app|alerts?|podcast|this (story|article|page|topic)|topics?|more)\b|[»›→]|:$/i;

/** Longest line (characters) that may be a call to action or a row of them. */
const MAX_CTA_CHARS = 400;
/** A call to action has at most this many words... */
const MAX_CTA_WORDS = 20;
/** ...and a short one (this many words or fewer) without a full stop needs no promo marker:
 *  "Sign me up", "Listen live", "Try Brieflo Smart Digest". */
const SHORT_CTA_WORDS = 5;
/** Sentences ending in a full stop count only with an explicit sales phrase. */
const SALES_PHRASE =
  /\b(your inbox|newsletters?|subscribe|sign up|free trial|for free|find out more|learn more|click here|download (the|our) app)\b|[»›→]\s*$/i;

/** German puts the infinitive last: "Newsletter abonnieren", "Jetzt kostenlos anmelden". */
const GERMAN_CTA =
  /^[^.!?]{0,60}\b(abonnieren|bestellen|anmelden|registrieren|herunterladen|teilen)\s*[!:]?$/i;

/** Whether a line is a call to action aimed at the reader. */
export function isCallToAction(line: string): boolean {
  if (line.length > MAX_CTA_CHARS) return false;
  const segments = line.split(/\s+[|•·]\s+/);
  if (segments.length > 1) return segments.every((s) => isCallToAction(s));
  const t = line.trim();
  if (/^["“‘']/.test(t)) return false; // quoted speech
  if (GERMAN_CTA.test(t) && t.split(/\s+/).length <= SHORT_CTA_WORDS) return true;
  if (!CTA_VERB.test(t)) return false;
  const words = t.split(/\s+/).length;
  if (words > MAX_CTA_WORDS) return false;
  const stop = /[.!?]["”’)]?$/.test(t);
  if (stop) return SALES_PHRASE.test(t);
  return words <= SHORT_CTA_WORDS || PROMO_MARKER.test(t);
}

/** What makes a call to action certainly a promotion of the site, wherever it stands: the
 *  reader's inbox, a newsletter, a subscription, following a topic, the story itself. Shopping
 *  links ("See it now: Amazon") and how-to steps ("Click the link above") lack these. */
const SITE_PROMO =
  /\b(your inbox|newsletters?|(subscribe|sign up|register)\b(?!\s+for\s+an?\b)|subscription|sign me up|follow (us|topic|this|the author)|our app|the app|this (story|article|page)|podcast|join the (conversation|discussion)|leave a (reply|comment))\b/i;

/** A call to action that promotes the site itself (see SITE_PROMO). */
export function isSitePromotion(line: string): boolean {
  const segments = line.split(/\s+[|•·]\s+/);
  if (segments.length > 1) return segments.every(isCallToAction) && SITE_PROMO.test(line);
  return isCallToAction(line) && SITE_PROMO.test(line);
}

/** "Copyright © 2026 The Herald. All rights reserved.", "© Daily Lantern 2026", "(c) 2019 X". */
const COPYRIGHT_START = /^(?:copyright\b|©|\(c\)\s*\d{4})/i;
const RIGHTS_RESERVED =
  /\ball rights reserved\b|\btous droits réservés\b|\btodos los derechos reservados\b|\balle rechte vorbehalten\b/i;
/** Longest copyright line (characters): longer text that mentions copyright is prose. */
const MAX_COPYRIGHT_CHARS = 300;

export function isCopyrightLine(line: string): boolean {
  if (line.length > MAX_COPYRIGHT_CHARS) return false;
  return COPYRIGHT_START.test(line) || RIGHTS_RESERVED.test(line);
}

/** Longest outlet name read from a copyright line (characters). */
const MAX_OUTLET_CHARS = 60;

/** The holder a copyright line names: "Copyright © 2026 The Coastline Herald. All rights
 *  reserved." -> "The Coastline Herald"; "© Daily Lantern 2026. Registered in ..." -> "Daily
 *  Lantern". Null when the line names no plausible outlet. */
export function copyrightHolder(line: string): string | null {
  if (!COPYRIGHT_START.test(line)) return null;
  const name = line
    .replace(/^(?:\s*(?:copyright|©|\(c\)|\d{4}(?:\s*[-–]\s*\d{4})?)\s*,?)+/i, '')
    .split(/\.\s|\s[|·•–—-]\s|,|\.$/)[0]!
    .replace(/\s+\d{4}(?:\s*[-–]\s*\d{4})?$/, '')
    .replace(/\s*\b(ltd|limited|inc|llc|plc|gmbh)\.?$/i, '')
    .trim();
  if (!name || name.length > MAX_OUTLET_CHARS || !/^\p{Lu}/u.test(name)) return null;
  if (RIGHTS_RESERVED.test(name)) return null;
  return name;
}
