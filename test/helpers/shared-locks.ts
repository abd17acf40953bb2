// Web Locks as the tabs of an origin share them, for sync tests (node has none): exclusive, each
// granted in the order asked, and `ifAvailable` answered at once with no lock while one is held
// or asked for.
type Task<T> = (lock: { name: string } | null) => Promise<T>;

export class SharedLocks {
  /** The names asked for, in order, `ifAvailable` attempts included. */
  readonly asked: string[] = [];
  /** Requests each name has granted or queued and not yet finished. */
  private readonly outstanding = new Map<string, number>();
  private readonly tails = new Map<string, Promise<unknown>>();

  request<T>(name: string, optionsOrTask: { ifAvailable?: boolean } | Task<T>, maybeTask?: Task<T>): Promise<T> {
    const task = typeof optionsOrTask === 'function' ? optionsOrTask : (maybeTask as Task<T>);
    const ifAvailable = typeof optionsOrTask === 'object' && optionsOrTask.ifAvailable === true;
    this.asked.push(name);
    if (ifAvailable && this.waiting(name) > 0) return task(null);
    this.outstanding.set(name, this.waiting(name) + 1);
    const granted = (this.tails.get(name) ?? Promise.resolve())
      .then(() => task({ name }))
      .finally(() => this.outstanding.set(name, this.waiting(name) - 1));
    this.tails.set(
      name,
      granted.catch(() => undefined),
    );
    return granted;
  }

  /** How many tabs hold `name` or wait for it. */
  waiting(name: string): number {
    return this.outstanding.get(name) ?? 0;
  }
}
