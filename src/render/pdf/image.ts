// Images for doc.image(): PNGs of the kind every chart is read here, not by pdfkit. pdfkit
// reads every PNG with png-js, which copies the compressed image data into a JavaScript
// array one byte at a time (foliojs/png.js#84, open): in a 51-report batch that was 3 s of the
// main thread's 53 s, and arrays of millions of numbers for the garbage collector. A chart's
// PNG (encodeChartPng) is 8-bit indexed colour, opaque and not interlaced, a kind whose
// compressed data pdfkit embeds as it is: its chunks are read as slices of the buffer, and the
// image is embedded with the same PDF objects, in the same order, as pdfkit's PNGImage.embed
// makes for that kind. Every other image (a JPEG, a PNG with alpha or transparency, as logos
// and the pictures of own texts may be) is passed to pdfkit as it is.
import { imageMime, pngSize } from '../image-size.js';
import type { Doc } from './text.js';

/** What PDFDocument.image() asks of an image object (as made by doc.openImage). */
interface ImageObject {
  label: string;
  width: number;
  height: number;
  obj: PDFKit.PDFKitReference | null;
  embed(doc: Doc): void;
}

/** Labels of the image objects made here, per document (pdfkit names its own I1, I2, …). */
const imageCount = new WeakMap<Doc, number>();

/** What to pass to doc.image() for an image file: an image object made here, or the file itself. */
export function pdfImage(doc: Doc, data: Buffer): Buffer {
  const parts = indexedPng(data);
  if (parts === null) return data;
  const count = (imageCount.get(doc) ?? 0) + 1;
  imageCount.set(doc, count);
  let idat: Buffer | null = parts.idat;
  const image: ImageObject = {
    label: `P${count}`,
    width: parts.width,
    height: parts.height,
    obj: null,
    embed(document) {
      const obj = document.ref({ Type: 'XObject', Subtype: 'Image', BitsPerComponent: 8, Width: parts.width, Height: parts.height, Filter: 'FlateDecode' });
      const data = obj.data as Record<string, unknown>;
      const params = document.ref({ Predictor: 15, Colors: 1, BitsPerComponent: 8, Columns: parts.width });
      data['DecodeParms'] = params;
      params.end(undefined);
      const palette = document.ref({});
      palette.end(parts.palette);
      data['ColorSpace'] = ['Indexed', 'DeviceRGB', parts.palette.length / 3 - 1, palette];
      obj.end(idat);
      idat = null;
      this.obj = obj;
    },
  };
  // doc.image() takes an object with a width and a height as an opened image.
  return image as unknown as Buffer;
}

interface IndexedPng {
  width: number;
  height: number;
  /** PLTE: RGB triples. */
  palette: Buffer;
  /** The IDAT chunks' data, joined: one zlib stream of filtered rows. */
  idat: Buffer;
}

/** The parts of an 8-bit indexed, opaque, non-interlaced PNG; null for any other PNG (or none). */
export function indexedPng(png: Buffer): IndexedPng | null {
  // IHDR first, as the format wants it (where pngSize reads the size).
  if (imageMime(png) !== 'image/png' || png.toString('latin1', 12, 16) !== 'IHDR') return null;
  let header = false;
  let palette: Buffer | null = null;
  const idat: Buffer[] = [];
  for (let at = 8; at + 8 <= png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (data.length !== length) return null;
    at += 12 + length;
    if (type === 'IHDR') {
      // Bit depth 8, colour type 3 (indexed), deflate, standard filters, not interlaced.
      if (length !== 13 || data[8] !== 8 || data[9] !== 3 || data[10] !== 0 || data[11] !== 0 || data[12] !== 0) return null;
      header = true;
    } else if (type === 'PLTE') palette = data;
    else if (type === 'IDAT') idat.push(data);
    // Transparency would need pdfkit's soft mask.
    else if (type === 'tRNS') return null;
    else if (type === 'IEND') {
      if (!header || palette === null || idat.length === 0) return null;
      const { width, height } = pngSize(png);
      return width > 0 && height > 0 ? { width, height, palette, idat: Buffer.concat(idat) } : null;
    }
  }
  return null;
}
