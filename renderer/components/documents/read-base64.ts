/**
 * Reads a file the clerk picked or dropped as base64 (both transports carry JSON), a few
 * megabytes at a time so a long read reports how far it got. Chunks are a multiple of 3 bytes
 * long: their base64 then joins without padding in between. The browser's own encoder does the
 * work (readAsDataURL), far faster than anything in script.
 */

export const READ_CHUNK_BYTES = 3 * 1024 * 1024;

export async function readBase64(file: Blob, onProgress: (fraction: number) => void, chunkBytes = READ_CHUNK_BYTES): Promise<string> {
  if (chunkBytes % 3 !== 0) throw new Error('Chunks must be a multiple of 3 bytes');
  const parts: string[] = [];
  onProgress(0);
  for (let start = 0; start < file.size; start += chunkBytes) {
    const end = Math.min(file.size, start + chunkBytes);
    parts.push(await chunkBase64(file.slice(start, end)));
    onProgress(end / file.size);
  }
  return parts.join('');
}

function chunkBase64(chunk: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsDataURL(chunk);
  });
}
