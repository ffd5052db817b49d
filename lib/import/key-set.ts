// Finds repeated natural keys while rows stream past, in about 16 bytes per row: a set of 64-bit
// hashes in two typed arrays (open addressing). A repeated hash only makes the row a candidate;
// the stage table then confirms or clears it by comparing the keys themselves, so a collision
// can never refuse a good file. (The SQL GROUP BY it replaces sorted every staged row.)

const EMPTY = 0;

export class KeyHashSet {
  private hi = new Uint32Array(1 << 16);
  private lo = new Uint32Array(1 << 16);
  private size = 0;

  /** Adds the key made of `parts`; false when an equal hash was added before (a possible repeat). */
  add(parts: readonly string[]): boolean {
    let h1 = 0x811c9dc5;
    let h2 = 0x01000193 ^ 0x5bd1e995;
    for (const part of parts) {
      for (let i = 0; i < part.length; i += 1) {
        const c = part.charCodeAt(i);
        h1 = Math.imul(h1 ^ c, 0x01000193);
        h2 = Math.imul(h2 ^ c, 0x5bd1e995);
        h2 ^= h2 >>> 15;
      }
      // A separator, so that ("AB", "C") and ("A", "BC") differ.
      h1 = Math.imul(h1 ^ 0xffff, 0x01000193);
      h2 = Math.imul(h2 ^ 0xffff, 0x5bd1e995);
    }
    const a = h1 >>> 0;
    // Zero marks an empty slot.
    const b = (h2 | 1) >>> 0;
    if (this.size * 2 >= this.hi.length) this.grow();
    return this.insert(a, b);
  }

  private insert(a: number, b: number): boolean {
    const mask = this.hi.length - 1;
    let i = (a ^ b) & mask;
    for (;;) {
      if (this.lo[i] === EMPTY) {
        this.hi[i] = a;
        this.lo[i] = b;
        this.size += 1;
        return true;
      }
      if (this.hi[i] === a && this.lo[i] === b) return false;
      i = (i + 1) & mask;
    }
  }

  private grow(): void {
    const hi = this.hi;
    const lo = this.lo;
    this.hi = new Uint32Array(hi.length * 2);
    this.lo = new Uint32Array(lo.length * 2);
    this.size = 0;
    for (let i = 0; i < hi.length; i += 1) {
      const b = lo[i] ?? EMPTY;
      if (b !== EMPTY) this.insert(hi[i] ?? 0, b);
    }
  }
}
