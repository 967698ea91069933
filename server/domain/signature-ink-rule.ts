/**
 * Is a drawn signature really there? An empty pad, a white canvas or a dot must be refused on
 * the server too (the page checks first, but the API is public). Thresholds, chosen for the
 * portal's pad (about 300–700 px wide on phones, 2–3 px strokes): at least 200 inked pixels and
 * an inked bounding box of at least 40 × 15 px. A short real signature ("ส.") clears both; a tap
 * or a tiny tick does not.
 *
 * Import-free on purpose: the portal page (liff/) runs the very same test on the canvas before
 * sending, so the page refuses exactly what the server would.
 */
export const SIGNATURE_MIN_INKED_PIXELS = 200;
export const SIGNATURE_MIN_BOX_WIDTH = 40;
export const SIGNATURE_MIN_BOX_HEIGHT = 15;
export const SIGNATURE_MAX_BYTES = 1024 * 1024;
/** The pad's canvas is never bigger than this; larger images are not signatures (or are bombs). */
export const SIGNATURE_MAX_SIDE = 4000;

export interface RgbaImage {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel. */
  data: ArrayLike<number>;
}

export interface InkStats {
  inkedPixels: number;
  box: { width: number; height: number };
}

/** Ink = visible (alpha ≥ 32) and not near-white (any channel below 224). */
export function inkStats(image: RgbaImage): InkStats {
  const { width, height, data } = image;
  let inked = 0;
  let minX = width;
  let minY = height;
  let maxX = -1;
  let maxY = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      if (data[i + 3]! < 32) continue;
      if (data[i]! >= 224 && data[i + 1]! >= 224 && data[i + 2]! >= 224) continue;
      inked++;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  return { inkedPixels: inked, box: inked === 0 ? { width: 0, height: 0 } : { width: maxX - minX + 1, height: maxY - minY + 1 } };
}

export type SignatureProblem = 'empty' | 'small' | null;

/** What is wrong with a drawn signature, or null when it is really there. */
export function signatureProblem(image: RgbaImage): SignatureProblem {
  const stats = inkStats(image);
  if (stats.inkedPixels === 0) return 'empty';
  if (stats.inkedPixels < SIGNATURE_MIN_INKED_PIXELS || stats.box.width < SIGNATURE_MIN_BOX_WIDTH || stats.box.height < SIGNATURE_MIN_BOX_HEIGHT)
    return 'small';
  return null;
}
