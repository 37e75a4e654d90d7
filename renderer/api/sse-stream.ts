/**
 * Reads a text/event-stream body and hands over each complete event. Written against fetch
 * rather than EventSource because EventSource cannot send the bearer token.
 */
export async function readEventStream(
  body: ReadableStream<Uint8Array>,
  onEvent: (name: string, data: string) => void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let boundary = buffer.indexOf('\n\n');
    while (boundary !== -1) {
      const block = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary + 2);
      const parsed = parseEventBlock(block);
      if (parsed) onEvent(parsed.name, parsed.data);
      boundary = buffer.indexOf('\n\n');
    }
  }
}

/** One SSE block → {name, data}; comments (heartbeats) and nameless blocks give null. */
export function parseEventBlock(block: string): { name: string; data: string } | null {
  let name = '';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) name = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
  }
  return name === '' ? null : { name, data: data.join('\n') };
}
