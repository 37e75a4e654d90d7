import { describe, expect, it } from 'vitest';
import { parseEventBlock, readEventStream } from './sse-stream.ts';

function streamOf(...chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

describe('event stream reader', () => {
  it('reassembles events split across chunks, including a split multi-byte letter', async () => {
    const bytes = new TextEncoder().encode('event: settings.changed\ndata: {"workstationName":"Łódź"}\n\n');
    const cut = bytes.indexOf(0xc5) + 1; // in the middle of "Ł"
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(': connected\n\n'));
        controller.enqueue(bytes.slice(0, cut));
        controller.enqueue(bytes.slice(cut));
        controller.close();
      },
    });
    const seen: [string, string][] = [];
    await readEventStream(body, (name, data) => seen.push([name, data]));
    expect(seen).toEqual([['settings.changed', '{"workstationName":"Łódź"}']]);
  });

  it('ignores heartbeats and joins multi-line data', async () => {
    const seen: [string, string][] = [];
    await readEventStream(streamOf(': heartbeat\n\n', 'event: a\ndata: 1\ndata: 2\n\n'), (name, data) => seen.push([name, data]));
    expect(seen).toEqual([['a', '1\n2']]);
    expect(parseEventBlock('data: x')).toBeNull();
  });
});
