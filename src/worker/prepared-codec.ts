// PreparedPage to and from the JSON kept in the page queue between the parallel stages and the
// grouping lane. Only the MinHash signature needs care: a Uint32Array is stored as numbers.
// The shingle hashes are left out (the grouping lane recomputes them from the text: see
// grouper.ts), which keeps each queued page a few KB smaller.
import type { PreparedArticle, PreparedPage } from '../pipeline.js';

type StoredArticle = Omit<PreparedArticle, 'fingerprint'> & {
  fingerprint: Omit<PreparedArticle['fingerprint'], 'signature' | 'shingles'> & {
    signature: number[];
  };
};

export function encodePrepared(prepared: PreparedPage): string {
  if (prepared.kind !== 'article') return JSON.stringify(prepared);
  const articles: StoredArticle[] = prepared.articles.map((a) => ({
    ...a,
    fingerprint: {
      shingleCount: a.fingerprint.shingleCount,
      paragraphHashes: a.fingerprint.paragraphHashes,
      textHash: a.fingerprint.textHash,
      signature: Array.from(a.fingerprint.signature),
    },
  }));
  return JSON.stringify({ kind: 'article', articles });
}

export function decodePrepared(json: string): PreparedPage {
  const value = JSON.parse(json) as PreparedPage | { kind: 'article'; articles: StoredArticle[] };
  if (value.kind !== 'article') return value;
  return {
    kind: 'article',
    articles: (value.articles as StoredArticle[]).map((a) => ({
      ...a,
      fingerprint: { ...a.fingerprint, signature: Uint32Array.from(a.fingerprint.signature) },
    })),
  };
}
