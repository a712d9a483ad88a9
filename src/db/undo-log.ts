/**
 * What a transaction attempt changed outside the database, undone with its
 * writes. A PostgreSQL transaction runs again after a serialization failure, so
 * a flag set inside the first run (the audit recorder's "written") must be
 * unset when that run's rows are rolled back — a savepoint's part alone when
 * only the savepoint is.
 */
export class UndoLog {
  private readonly levels: (() => void)[][] = [[]];

  add(hook: () => void): void {
    this.levels[this.levels.length - 1]!.push(hook);
  }

  /** A savepoint begins. */
  enter(): void {
    this.levels.push([]);
  }

  /** The savepoint was released: its hooks now belong to the level around it. */
  keep(): void {
    const inner = this.levels.pop()!;
    this.levels[this.levels.length - 1]!.push(...inner);
  }

  /** The savepoint was rolled back. */
  undoInner(): void {
    run(this.levels.pop()!);
  }

  /** The whole transaction was rolled back. */
  undoAll(): void {
    while (this.levels.length > 0) run(this.levels.pop()!);
    this.levels.push([]);
  }
}

function run(hooks: (() => void)[]): void {
  for (const hook of hooks.reverse()) hook();
}
