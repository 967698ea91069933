/**
 * Is there a real signature on the pad? The same test the server applies to the PNG
 * (server/domain/signature-ink.ts: ink = alpha ≥ 32 and not near-white; at least 200 inked
 * pixels in a box of at least 40 × 15), run on the canvas's own pixels before anything is sent,
 * so the page refuses exactly what the server would. Kept here as plain numbers because liff/
 * may not import server code; change both together.
 */
export const MIN_INKED_PIXELS = 200;
export const MIN_BOX_WIDTH = 40;
export const MIN_BOX_HEIGHT = 15;

export type SignatureProblem = 'empty' | 'small' | null;

export function signatureProblem(image: { width: number; height: number; data: ArrayLike<number> }): SignatureProblem {
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
  if (inked === 0) return 'empty';
  if (inked < MIN_INKED_PIXELS || maxX - minX + 1 < MIN_BOX_WIDTH || maxY - minY + 1 < MIN_BOX_HEIGHT) return 'small';
  return null;
}
