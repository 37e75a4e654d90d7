/**
 * The host side's bookkeeping for request/reply over postMessage: each call gets an id and a
 * promise that the worker's answer with that id settles. Shared by the SQLite and the documents
 * worker clients.
 */
export class PendingCalls {
  readonly #waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  #nextId = 1;

  /** Registers a call; `send` posts the request with the id it is given. */
  start<T>(send: (id: number) => void): Promise<T> {
    const id = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      this.#waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      send(id);
    });
  }

  resolve(id: number, value: unknown): void {
    const waiter = this.#waiting.get(id);
    this.#waiting.delete(id);
    waiter?.resolve(value);
  }

  reject(id: number, error: Error): void {
    const waiter = this.#waiting.get(id);
    this.#waiting.delete(id);
    waiter?.reject(error);
  }

  /** The worker died or was closed: nobody may wait forever. */
  rejectAll(error: Error): void {
    for (const waiter of this.#waiting.values()) waiter.reject(error);
    this.#waiting.clear();
  }
}
