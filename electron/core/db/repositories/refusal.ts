/**
 * A business refusal from a repository (the state does not allow the action). `key` is the i18n
 * key the clerk reads; it crosses the worker boundary as the error's message.
 */
export class Refusal extends Error {
  readonly key: string;
  constructor(key: string) {
    super(key);
    this.name = 'Refusal';
    this.key = key;
  }
}
