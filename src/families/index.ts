// Public door of the families stage: copy detection, the likely original, the edit diff.
import type { Fingerprint } from '../types.js';

/** What the family index needs to know about one article. */
export interface FamilyMember {
  id: string;
  fingerprint: Fingerprint;
  credit: string | null;
  published: string | null;
  wordCount: number;
}

export interface CopyMatch {
  id: string;
  jaccard: number;
  containment: number;
}

export interface FamilyAssignment {
  familyId: string;
  /** Families that this article joined together; they are now part of `familyId`. */
  mergedFamilies: string[];
  /** The verified copies this article matched. Empty for a new family. */
  matches: CopyMatch[];
  /** The family's likely original after this assignment. */
  originalId: string;
}

/** In-memory copy index: LSH candidates, verified matches, union of families. */
export class FamilyIndex {
  /** Adds (or, for a known id, replaces) a member and returns where it landed. */
  assign(member: FamilyMember): FamilyAssignment {
    void member;
    throw new Error('families: not implemented yet');
  }
}
