/**
 * A small map that lives only in memory: entries expire after a while and the
 * oldest are dropped past a limit. Used for what must not reach the database
 * before the person agrees (a story typed before consent, "the next text is for
 * the call check").
 */
export class MemoryMap<K, V> {
  private readonly entries = new Map<K, { value: V; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly limit = 10_000,
  ) {}

  set(key: K, value: V, now: Date): void {
    this.entries.delete(key);
    this.entries.set(key, { value, until: now.getTime() + this.ttlMs });
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as K);
  }

  get(key: K, now: Date): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until <= now.getTime()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  delete(key: K): void {
    this.entries.delete(key);
  }
}
