// When a local page was fetched, if the file or a sidecar says so. A sidecar is a JSON file
// beside the page, named after it plus ".meta.json" (`page.html.meta.json`), holding
// `{"fetchedAt": "2026-03-03T17:05:00Z"}`: crawlers and exporters can write one for any file
// type, and ingest never reads .json files as pages. Tools that save web pages write the
// time into the page: SingleFile ("saved date: Tue Mar 03 2026 17:05:00 GMT+0000"), HTTrack
// ("Mirrored from host/path by HTTrack Website Copier/3.x [...], Tue, 03 Mar 2026 17:05:00
// GMT"), and a <meta name="fetched-at"> / "Fetched-At:" line that any exporter can add. The
// file's modification time is never used: git and most copies do not preserve it, so the same
// corpus would resolve "12 minutes ago" differently on every checkout.

/** Bytes at the start (and end: SingleFile may close the page with its comment) searched. */
const SCAN_BYTES = 8192;

const PATTERNS: readonly RegExp[] = [
  /\bsaved date:\s*([^\n\r]{8,80}?)\s*(?:\(|-->|\n|\r)/i,
  /\bMirrored from \S+ by HTTrack[^,\]]*\][^,]*,\s*([^\n\r]{8,60}?)\s*-->/i,
  /<meta\s+name=["'](?:fetched-at|fetch-date|saved-at)["']\s+content=["']([^"']{8,40})["']/i,
  /^(?:fetched-at|fetched at|saved-at|saved at):\s*(\S[^\n\r]{7,40})$/im,
];

/** Earliest and latest plausible fetch times: anything else is a typo or a hostile page. */
const MIN_TIME = Date.UTC(1995, 0, 1);
const MAX_FUTURE_MS = 2 * 86_400_000;

/** The name of a page's sidecar file. */
export function sidecarPath(path: string): string {
  return `${path}.meta.json`;
}

/** The fetch time a sidecar's JSON states, or null (missing field, not JSON, no valid time). */
export function sidecarFetchedAt(json: string, now: Date): Date | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  const raw = (value as { fetchedAt?: unknown } | null)?.fetchedAt;
  return typeof raw === 'string' ? plausible(Date.parse(raw), now) : null;
}

function plausible(t: number, now: Date): Date | null {
  return Number.isFinite(t) && t >= MIN_TIME && t <= now.getTime() + MAX_FUTURE_MS
    ? new Date(t)
    : null;
}

/** The fetch time a saved page states about itself, or null. `now` bounds it from above. */
export function savedAt(bytes: Uint8Array, now: Date): Date | null {
  for (const chunk of chunks(bytes)) {
    for (const re of PATTERNS) {
      const m = re.exec(chunk);
      if (!m) continue;
      const t = plausible(Date.parse(m[1]!.trim()), now);
      if (t) return t;
    }
  }
  return null;
}

function chunks(bytes: Uint8Array): string[] {
  // latin1 keeps every byte one character: the markers are ASCII whatever the page's encoding.
  const decoder = new TextDecoder('latin1');
  const head = decoder.decode(bytes.subarray(0, SCAN_BYTES));
  if (bytes.length <= SCAN_BYTES) return [head];
  return [head, decoder.decode(bytes.subarray(bytes.length - SCAN_BYTES))];
}

/**
 * The fetch time of a local page: the time its sidecar or the page states, else the ingest clock
 * (`now`, read once when the file is read). Either is stable for a stored page: it is stored
 * with the page, and re-extraction reads it from the store, never from the file again.
 */
export function fetchTimeOf(file: { savedAt: Date | null }, now: Date): Date {
  return file.savedAt ?? now;
}
