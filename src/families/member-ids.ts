// The family index's id directory: article id -> slot for live members, slot -> id for every
// slot that still names something (a live member, or a removed root that names its family).

export class MemberIds {
  private slots = new Map<string, number>();
  /** Ids by slot; '' for a slot that names nothing any more. */
  ids: string[] = [];

  /** Number of live members. */
  get size(): number {
    return this.slots.size;
  }

  slotOf(id: string): number | undefined {
    return this.slots.get(id);
  }

  admit(id: string, slot: number): void {
    this.slots.set(id, slot);
    this.ids[slot] = id;
  }

  /** The member leaves; its id stays by its slot when `keepName` (a root naming its family). */
  forget(slot: number, keepName: boolean): void {
    this.slots.delete(this.ids[slot]!);
    if (!keepName) this.ids[slot] = '';
  }

  /** Drops the name a removed root kept, once its family is gone. */
  unname(slot: number): void {
    this.ids[slot] = '';
  }

  /**
   * Follows a renumbering of the slots (`map`: old slot -> new, -1 dropped) in freshly sized
   * containers (a Map or array that once held more keeps its larger backing store).
   */
  renumber(map: Int32Array, isLive: (slot: number) => boolean): void {
    const ids: string[] = [];
    const slots = new Map<string, number>();
    for (let s = 0; s < map.length; s++) {
      const to = map[s]!;
      if (to < 0) continue;
      ids[to] = this.ids[s]!;
      if (isLive(to)) slots.set(ids[to], to);
    }
    this.ids = ids;
    this.slots = slots;
  }
}
