// A tagged template that escapes every interpolated value, so a hostile title or byline can
// never become markup. The only way to emit markup is a SafeHtml value: built by `html`
// itself, or by `raw()`, which callers use only on output of our own sanitiser.

const SAFE = Symbol('safe-html');

/** Markup known to be safe to emit as is. */
export interface SafeHtml {
  readonly [SAFE]: true;
  readonly value: string;
}

/** Values a template accepts: arrays are joined, null/undefined/false render as nothing. */
export type HtmlValue =
  SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

// Escaping all five characters lets the same escape serve text and quoted attribute values
// (HTML Living Standard §13.1.2.3: attribute values end only at their own quote).
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Marks already-safe markup. Use only on output of `sanitizeHtml` or constant strings. */
export function raw(markup: string): SafeHtml {
  return { [SAFE]: true, value: markup };
}

export function isSafeHtml(value: unknown): value is SafeHtml {
  return typeof value === 'object' && value !== null && SAFE in value;
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  if (isSafeHtml(value)) return value.value;
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) {
    out += render(values[i]) + (strings[i + 1] ?? '');
  }
  return raw(out);
}
