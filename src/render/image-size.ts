// Pixel size of a PNG or JPEG image, read from its header: for the <img> width/height
// attributes (they reserve a chart's space before it is decoded, so the page does not jump)
// and for sizing charts and the logo in Word, which needs the size up front.

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface ImageSize {
  width: number;
  height: number;
}

export function pngSize(png: Buffer): ImageSize {
  if (png.length < 24 || !png.subarray(0, 8).equals(PNG_SIGNATURE) || png.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error('image is not a PNG');
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The frame size from the first start-of-frame marker (SOF0–SOF15 except DHT, JPG, DAC). */
export function jpegSize(jpeg: Buffer): ImageSize {
  let i = 2;
  while (i + 9 < jpeg.length) {
    if (jpeg[i] !== 0xff) break;
    const marker = jpeg[i + 1]!;
    const length = jpeg.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { width: jpeg.readUInt16BE(i + 7), height: jpeg.readUInt16BE(i + 5) };
    }
    i += 2 + length;
  }
  throw new Error('image is not a JPEG with a frame header');
}

/** PNG or JPEG by the file's first bytes (not its name), else null. */
export function imageMime(data: Buffer): 'image/png' | 'image/jpeg' | null {
  if (data.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  if (data.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))) return 'image/jpeg';
  return null;
}

export function imageSize(data: Buffer, mime: 'image/png' | 'image/jpeg'): ImageSize {
  return mime === 'image/png' ? pngSize(data) : jpegSize(data);
}
