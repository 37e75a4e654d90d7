/** A fixed one-minute window per key (an IP address): enough to stop PIN guessing by one host. */
export class RateLimiter {
  readonly #perMinute: number;
  readonly #windows = new Map<string, { start: number; count: number }>();

  constructor(perMinute: number) {
    this.#perMinute = perMinute;
  }

  allow(key: string, now: number = Date.now()): boolean {
    const window = this.#windows.get(key);
    if (!window || now - window.start >= 60_000) {
      if (this.#windows.size > 10_000) this.#windows.clear(); // bounded memory under a flood
      this.#windows.set(key, { start: now, count: 1 });
      return true;
    }
    window.count += 1;
    return window.count <= this.#perMinute;
  }
}
