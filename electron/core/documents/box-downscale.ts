/**
 * Shrinks 8-bit or bilevel pixels already in memory by averaging: every source pixel counts, whole, toward
 * the one pixel of the result it falls in (pixel binning; for 300 → 150 dpi, the mean of each
 * 2 × 2 block). Used for decoded TIFF pages, where drawing through a canvas meant three more
 * copies of a 25 MB page (RGBA expansion, putImageData, getImageData) for the same average.
 */

export interface PixelSource {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
  /** Bytes from one pixel to the next (unused for bits). */
  readonly pixelBytes: number;
  /** Bytes from one row to the next. */
  readonly rowBytes: number;
  /**
   * 'grey': one sample (0 black); 'rgb': red, green, blue; 'rgba': and a straight (not
   * premultiplied) alpha, flattened onto white paper. Samples beyond these are skipped.
   * 'bits-white-is-zero' / 'bits-black-is-zero': one bit a pixel, most significant first
   * (TIFF photometric 0 and 1).
   */
  readonly samples: 'grey' | 'rgb' | 'rgba' | 'bits-white-is-zero' | 'bits-black-is-zero';
}

export interface ShrunkPixels {
  readonly channels: 1 | 4;
  readonly data: Uint8ClampedArray<ArrayBuffer>;
}

/**
 * `source` averaged down to `width` × `height` (each at most the source's), as grey (BT.601 luma,
 * as page-raster makes it) or as opaque RGBA.
 */
export function boxDownscale(source: PixelSource, width: number, height: number, color: 'gray' | 'rgba'): ShrunkPixels {
  const { data, width: sourceWidth, height: sourceHeight, pixelBytes, rowBytes, samples } = source;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || width > sourceWidth || height > sourceHeight) {
    throw new RangeError(`Cannot shrink ${sourceWidth} × ${sourceHeight} px to ${width} × ${height}`);
  }
  const bits = samples === 'bits-white-is-zero' || samples === 'bits-black-is-zero';
  const lastPixelEnd = bits ? Math.ceil(sourceWidth / 8) : (sourceWidth - 1) * pixelBytes + (samples === 'grey' ? 1 : samples === 'rgb' ? 3 : 4);
  const needed = (sourceHeight - 1) * rowBytes + lastPixelEnd;
  if (data.length < needed) throw new RangeError(`${data.length} bytes hold less than ${sourceWidth} × ${sourceHeight} px`);

  // Source column x falls in column floor(x × width / sourceWidth) of the result: the source
  // columns of result column c end where that first reaches c + 1.
  const columnEnd = new Uint32Array(width);
  const columnCount = new Uint32Array(width);
  for (let column = 0, x = 0; column < width; column++) {
    const end = Math.ceil(((column + 1) * sourceWidth) / width);
    columnEnd[column] = end;
    columnCount[column] = end - x;
    x = end;
  }
  const grey = samples === 'grey' || bits;
  const sums = new Uint32Array(width * (grey ? 1 : 3));
  const channels = color === 'gray' ? 1 : 4;
  const out = new Uint8ClampedArray(width * height * channels);
  let row = 0;
  let rowsInRow = 0;
  for (let y = 0; y < sourceHeight; y++) {
    const target = Math.floor((y * height) / sourceHeight);
    if (target !== row) {
      emitRow(sums, columnCount, rowsInRow, grey, out, row * width * channels, channels);
      row = target;
      rowsInRow = 0;
    }
    rowsInRow++;
    // Separate functions keep each loop's variables in registers (a closure's live in its context).
    if (bits) addBitsRow(data, y * rowBytes, columnEnd, sums, samples === 'bits-black-is-zero');
    else if (grey) addGreyRow(data, y * rowBytes, pixelBytes, columnEnd, sums);
    else addColourRow(data, y * rowBytes, pixelBytes, columnEnd, sums, samples === 'rgba');
  }
  emitRow(sums, columnCount, rowsInRow, grey, out, row * width * channels, channels);
  return { channels, data: out };
}

function addGreyRow(data: Uint8Array, start: number, pixelBytes: number, columnEnd: Uint32Array, sums: Uint32Array): void {
  let i = start;
  let x = 0;
  for (let column = 0; column < columnEnd.length; column++) {
    const end = columnEnd[column] ?? 0;
    let v = 0;
    for (; x < end; x++, i += pixelBytes) v += data[i] ?? 0;
    sums[column] = (sums[column] ?? 0) + v;
  }
}

/** Adds 255 for every white pixel: a set bit is white when black is zero, black when white is. */
function addBitsRow(data: Uint8Array, start: number, columnEnd: Uint32Array, sums: Uint32Array, setIsWhite: boolean): void {
  let x = 0;
  for (let column = 0; column < columnEnd.length; column++) {
    const end = columnEnd[column] ?? 0;
    const from = x;
    let set = 0;
    for (; x < end; x++) set += ((data[start + (x >> 3)] ?? 0) >> (7 - (x & 7))) & 1;
    sums[column] = (sums[column] ?? 0) + 255 * (setIsWhite ? set : end - from - set);
  }
}

function addColourRow(data: Uint8Array, start: number, pixelBytes: number, columnEnd: Uint32Array, sums: Uint32Array, alpha: boolean): void {
  let i = start;
  let x = 0;
  for (let column = 0; column < columnEnd.length; column++) {
    const end = columnEnd[column] ?? 0;
    let r = 0;
    let g = 0;
    let b = 0;
    if (alpha) {
      for (; x < end; x++, i += pixelBytes) {
        // Straight alpha over white: 255 - (255 - v) × a / 255, rounded.
        const a = data[i + 3] ?? 255;
        r += 255 - (((255 - (data[i] ?? 0)) * a + 127) / 255 | 0);
        g += 255 - (((255 - (data[i + 1] ?? 0)) * a + 127) / 255 | 0);
        b += 255 - (((255 - (data[i + 2] ?? 0)) * a + 127) / 255 | 0);
      }
    } else {
      for (; x < end; x++, i += pixelBytes) {
        r += data[i] ?? 0;
        g += data[i + 1] ?? 0;
        b += data[i + 2] ?? 0;
      }
    }
    const s = column * 3;
    sums[s] = (sums[s] ?? 0) + r;
    sums[s + 1] = (sums[s + 1] ?? 0) + g;
    sums[s + 2] = (sums[s + 2] ?? 0) + b;
  }
}

/** Writes one row of the result from the sums of the source rows that fell in it, and clears the sums. */
function emitRow(sums: Uint32Array, columnCount: Uint32Array, rows: number, grey: boolean, out: Uint8ClampedArray, base: number, channels: 1 | 4): void {
  const width = columnCount.length;
  for (let column = 0; column < width; column++) {
    const count = (columnCount[column] ?? 1) * rows;
    const half = count >> 1;
    const r = Math.floor(((sums[grey ? column : column * 3] ?? 0) + half) / count);
    const g = grey ? r : Math.floor(((sums[column * 3 + 1] ?? 0) + half) / count);
    const b = grey ? r : Math.floor(((sums[column * 3 + 2] ?? 0) + half) / count);
    if (channels === 1) {
      out[base + column] = grey ? r : (r * 77 + g * 150 + b * 29) >> 8;
    } else {
      const o = base + column * 4;
      out[o] = r;
      out[o + 1] = g;
      out[o + 2] = b;
      out[o + 3] = 255;
    }
  }
  sums.fill(0);
}
