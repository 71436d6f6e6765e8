// Runs async work one at a time in arrival order. The pipeline's grouping indexes live in
// memory and a page is grouped and saved across awaits, so pages must go through it one by one
// even while many fetches run at once.
export class Serial {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work, work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
