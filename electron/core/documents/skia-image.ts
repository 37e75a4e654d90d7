import { Image } from '@napi-rs/canvas';
import { refuse } from './import-refused.ts';

/**
 * JPEG or PNG bytes decoded by Skia, which decodes synchronously when given the bytes. What does
 * not decode is refused as corrupt (`what` names it in the detail); the size is the caller's to check.
 */
export function decodeWithSkia(bytes: Buffer, what: string): Image {
  const image = new Image();
  let failure: unknown = null;
  image.onerror = (error) => {
    failure = error;
  };
  image.src = bytes;
  if (failure !== null || !image.complete) refuse('documentImport.corrupt', `${what} cannot be decoded${failure instanceof Error ? `: ${failure.message}` : ''}`);
  return image;
}
