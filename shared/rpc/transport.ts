/**
 * What the typed client needs from a transport. Values are untrusted here: the client checks the
 * envelope and the payload against the contract.
 */
export interface Transport {
  call(method: string, input: unknown): Promise<unknown>;
  /** Subscribes to one event; returns the unsubscribe function. */
  on(event: string, listener: (payload: unknown) => void): () => void;
}
