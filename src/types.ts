// Records passed between pipeline stages. Stages depend on these shapes, never on each other.
// Times crossing stage boundaries are ISO 8601 strings (UTC, with `Z`) so records survive JSON
// and both SQL dialects unchanged; the clock itself is passed in as `now: Date`.

/** The raw document as fetched or read. Always kept, so a later extractor can re-run on it. */
export interface Page {
  /** http(s) URL of the page, or a file:// URL for local input. */
  url: string;
  /** When we fetched or read it; relative ages in the page ("12 minutes ago") resolve against it. */
  fetchedAt: Date;
  body: Uint8Array;
  /** Content-Type from the HTTP header, or guessed from the file name; null when unknown. */
  contentType: string | null;
}

export interface ImageInfo {
  src: string | null;
  caption: string | null;
  credit: string | null;
}

/** One clean piece of journalism extracted from a page. */
export interface Article {
  /** Canonical URL where known (rel=canonical, og:url), else the page URL; null for text input. */
  url: string | null;
  title: string | null;
  /** The publisher's name ("Straits Times"), for an aggregator's related item the item's outlet. */
  outlet: string | null;
  byline: string | null;
  /** ISO 8601 publication time, resolved against fetch time for relative ages. */
  published: string | null;
  updated: string | null;
  /** "MOSCOW, Aug 20 (Reuters) -" as printed. */
  dateline: string | null;
  /** Wire credit: "Reuters", "AP", "AFP", "PA", "dpa", ... */
  credit: string | null;
  /** BCP 47 language tag ("en", "de") when known or detected. */
  language: string | null;
  /** Body paragraphs joined by a blank line. */
  text: string;
  paragraphs: string[];
  /** Body as sanitised HTML (allow-listed tags only); null for text input. */
  html: string | null;
  images: ImageInfo[];
}

/**
 * What extraction makes of one page. "Not an article" is an outcome, not an error: a listing
 * or a login wall simply has no article. "Unreadable" means the bytes are not a text document
 * (binary, empty, invalid in the encoding they declare); the shell reports it as a failure.
 */
export type Extraction =
  | { kind: 'article'; article: Article; related: Article[]; encoding: string }
  | { kind: 'not-article'; reason: string; encoding: string | null }
  | { kind: 'unreadable'; code: 'INPUT_EMPTY' | 'INPUT_BINARY' | 'INPUT_CORRUPT'; reason: string };

/** Everything copy detection needs to know about one article's text. */
export interface Fingerprint {
  /** MinHash signature of normalised word shingles. */
  signature: Uint32Array;
  /** Number of distinct shingles the signature summarises (for containment estimates). */
  shingleCount: number;
  /**
   * The shingle hashes in text order, for exact verification near the copy line. Only on
   * a fingerprint computed in this process: the store and the worker queue keep the count and
   * the signature, and a reader recomputes the set from the text (fingerprint/exactShingles).
   */
  shingles?: Uint32Array;
  /** One hash per normalised body paragraph, in order (for alignment and exact overlap). */
  paragraphHashes: string[];
  /** Hash of the whole normalised body: equal hashes mean identical text. */
  textHash: string;
}

/** A named person, organisation, place or theme found in an article. */
export interface Topic {
  kind: 'person' | 'organisation' | 'place' | 'theme';
  /** Display name after alias merging ("NATO", "Volodymyr Zelenskiy"). */
  name: string;
  /** Stable key: lower-case ASCII slug of the canonical name, prefixed by kind. */
  key: string;
}

/** Where an article landed: ids are stable strings derived from the founding article. */
export interface Grouping {
  familyId: string;
  storyId: string;
  /** Whether this article is currently its family's likely original. */
  isOriginal: boolean;
}
