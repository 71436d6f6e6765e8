// Relative times ("12 minutes ago") for readers, with the absolute time kept in the markup
// (`<time datetime>` and a title) so it is one hover or one screen-reader query away.
import { html, type SafeHtml } from '../html.js';

const MINUTE_S = 60;
const HOUR_S = 60 * MINUTE_S;
const DAY_S = 24 * HOUR_S;
/** Under this many seconds we say "just now": clock skew between hosts is of this order. */
export const JUST_NOW_S = 45;
/** Beyond this many days a relative age stops being useful; we print the date instead. */
export const RELATIVE_LIMIT_DAYS = 30;

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** "12 minutes ago", "in 3 hours", "just now", or the calendar date beyond the limit. */
export function relativeTime(when: Date, now: Date): string {
  const deltaS = Math.round((now.getTime() - when.getTime()) / 1000);
  const abs = Math.abs(deltaS);
  if (abs < JUST_NOW_S) return 'just now';
  if (abs >= RELATIVE_LIMIT_DAYS * DAY_S) return formatDate(when);
  const amount =
    abs < HOUR_S
      ? plural(Math.max(1, Math.round(abs / MINUTE_S)), 'minute')
      : abs < DAY_S
        ? plural(Math.round(abs / HOUR_S), 'hour')
        : plural(Math.round(abs / DAY_S), 'day');
  return deltaS >= 0 ? `${amount} ago` : `in ${amount}`;
}

// Formatters are built once: constructing an Intl.DateTimeFormat per call (which
// toLocaleDateString does) cost ~0.3 ms each and dominated page rendering in bench/serve.
const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const TIME_FORMAT = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});

/** "22 Nov 2026" in UTC: the server does not know the reader's zone, so it says which it uses. */
export function formatDate(when: Date): string {
  return DATE_FORMAT.format(when);
}

/** "22 Nov 2026, 04:15 UTC". */
export function formatDateTime(when: Date): string {
  return `${formatDate(when)}, ${TIME_FORMAT.format(when)} UTC`;
}

/** Parses an ISO string from the store; null when absent or not a valid time. */
export function parseTime(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const when = new Date(iso);
  return Number.isNaN(when.getTime()) ? null : when;
}

/** A `<time>` element with the relative age as text; the raw string when it does not parse. */
export function timeElement(iso: string | null | undefined, now: Date): SafeHtml {
  const when = parseTime(iso);
  if (!when) return html`${iso ?? ''}`;
  return html`<time datetime="${when.toISOString()}" title="${formatDateTime(when)}">${relativeTime(when, now)}</time>`;
}
