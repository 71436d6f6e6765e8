// Document frequencies learnt online from the documents seen so far, for IDF.

/**
 * Smoothed IDF, ln((N + 1) / (df + 1)) + 1 (scikit-learn's `smooth_idf`): finite for unseen
 * terms and never zero, so the first documents of a stream still compare sensibly.
 */
export class TermStats {
  private readonly df = new Map<string, number>();
  private docs = 0;

  get documentCount(): number {
    return this.docs;
  }

  add(terms: Iterable<string>): void {
    this.docs += 1;
    for (const term of terms) this.df.set(term, (this.df.get(term) ?? 0) + 1);
  }

  remove(terms: Iterable<string>): void {
    this.docs = Math.max(0, this.docs - 1);
    for (const term of terms) {
      const n = (this.df.get(term) ?? 0) - 1;
      if (n > 0) this.df.set(term, n);
      else this.df.delete(term);
    }
  }

  frequency(term: string): number {
    return this.df.get(term) ?? 0;
  }

  idf(term: string): number {
    return Math.log((this.docs + 1) / ((this.df.get(term) ?? 0) + 1)) + 1;
  }
}
