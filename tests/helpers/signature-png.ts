/** PNG data URLs for Accept & Sign tests: a real-looking signature, a blank pad, a dot. */
import { PNG } from 'pngjs';

function png(width: number, height: number, paint: (x: number, y: number) => boolean, background: [number, number, number, number] = [0, 0, 0, 0]): Buffer {
  const image = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const ink = paint(x, y);
      const [r, g, b, a] = ink ? [20, 30, 90, 255] : background;
      image.data[i] = r;
      image.data[i + 1] = g;
      image.data[i + 2] = b;
      image.data[i + 3] = a;
    }
  }
  return PNG.sync.write(image);
}

export const dataUrl = (bytes: Buffer) => `data:image/png;base64,${bytes.toString('base64')}`;

/** A 3-px wavy stroke across a 400×120 transparent pad: about 900 inked pixels in a 300×60 box. */
export function signaturePng(): Buffer {
  return png(400, 120, (x, y) => x >= 50 && x < 350 && Math.abs(y - (60 + 30 * Math.sin((x - 50) / 25))) < 1.6);
}

/** The pad filled white, nothing drawn. */
export function blankWhitePng(): Buffer {
  return png(400, 120, () => false, [255, 255, 255, 255]);
}

/** A 6×6 dot: ink, but not a signature. */
export function tinyScribblePng(): Buffer {
  return png(400, 120, (x, y) => x >= 100 && x < 106 && y >= 50 && y < 56);
}
