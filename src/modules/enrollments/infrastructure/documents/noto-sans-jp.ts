import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The Japanese font comes from the project's own dependencies (never a system font), so a PDF
 * renders the same on a fresh machine after `npm ci`. Each file is read once and kept: the
 * regular weight alone is over 5 MB.
 */
const WEIGHTS = {
  regular: '400Regular/NotoSansJP_400Regular.ttf',
  bold: '700Bold/NotoSansJP_700Bold.ttf',
} as const;

export type FontWeight = keyof typeof WEIGHTS;

const loaded = new Map<FontWeight, Buffer>();

export function notoSansJp(weight: FontWeight): Buffer {
  let font = loaded.get(weight);
  if (!font) {
    const root = dirname(require.resolve('@expo-google-fonts/noto-sans-jp/package.json'));
    font = readFileSync(join(root, WEIGHTS[weight]));
    loaded.set(weight, font);
  }
  return font;
}
