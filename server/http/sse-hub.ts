import type { ServerResponse } from 'node:http';

/**
 * Open `GET /v1/sync/events` streams. A poke only says "pull now" (with the new version); the
 * client then pulls what its scope allows, so a poke leaks nothing. A comment line every 25 s
 * keeps proxies from closing idle streams.
 */
export class SseHub {
  readonly #streams = new Set<ServerResponse>();
  readonly #heartbeat: NodeJS.Timeout;

  constructor(heartbeatMs = 25_000) {
    this.#heartbeat = setInterval(() => this.#write(': keep-alive\n\n'), heartbeatMs);
    this.#heartbeat.unref();
  }

  open(res: ServerResponse, version: number): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    res.write(`event: poke\ndata: ${JSON.stringify({ version })}\n\n`);
    this.#streams.add(res);
    res.on('close', () => this.#streams.delete(res));
  }

  poke(version: number): void {
    this.#write(`event: poke\ndata: ${JSON.stringify({ version })}\n\n`);
  }

  get size(): number {
    return this.#streams.size;
  }

  closeAll(): void {
    clearInterval(this.#heartbeat);
    for (const res of this.#streams) res.end();
    this.#streams.clear();
  }

  #write(chunk: string): void {
    for (const res of this.#streams) res.write(chunk);
  }
}
