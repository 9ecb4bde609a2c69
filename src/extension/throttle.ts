/** Runs `fn` at most once per `ms`, always ending with a call after the last request. */
export class Throttle {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private last = 0;

  constructor(
    private readonly ms: number,
    private readonly fn: () => void,
  ) {}

  request(): void {
    if (this.timer) return;
    const wait = Math.max(0, this.last + this.ms - Date.now());
    this.timer = setTimeout(() => this.flush(), wait);
  }

  /** Runs now (if anything was requested, or `force`) and cancels the pending call. */
  flush(force = true): void {
    const pending = this.timer !== undefined;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!pending && !force) return;
    this.last = Date.now();
    this.fn();
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
