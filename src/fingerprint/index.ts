// Public door of the fingerprint stage: normalised text in, MinHash signature and hashes out.
import type { Fingerprint } from '../types.js';

export interface FingerprintInput {
  title: string | null;
  paragraphs: readonly string[];
}

export function fingerprint(input: FingerprintInput): Fingerprint {
  void input;
  throw new Error('fingerprint: not implemented yet');
}
