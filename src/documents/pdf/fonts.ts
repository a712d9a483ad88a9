/**
 * DejaVu Sans carries every Kazakh letter (Ә Ғ Қ Ң Ө Ұ Ү Һ І). The files are read once
 * per process; pdfkit embeds only the glyphs a document uses.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

export class FontError extends Error {}

export interface FontFiles {
  regular: Buffer;
  bold: Buffer;
}

const require = createRequire(import.meta.url);
const cache = new Map<string, FontFiles>();

/** `fontPath` (FONT_PATH) replaces the regular face; the bold face is looked for next to it. */
export function loadFonts(fontPath?: string): FontFiles {
  const key = fontPath ?? "";
  const cached = cache.get(key);
  if (cached) return cached;
  const regularPath = fontPath ?? packagedFont("DejaVuSans.ttf");
  const boldPath = fontPath ? boldNextTo(fontPath) : packagedFont("DejaVuSans-Bold.ttf");
  const regular = readFont(regularPath);
  const fonts = { regular, bold: boldPath ? readFont(boldPath, regular) : regular };
  cache.set(key, fonts);
  return fonts;
}

function packagedFont(file: string): string {
  try {
    return require.resolve(`dejavu-fonts-ttf/ttf/${file}`);
  } catch {
    throw new FontError(`font ${file} not found: the dejavu-fonts-ttf package is missing; install it or set FONT_PATH`);
  }
}

/** DejaVuSans.ttf → DejaVuSans-Bold.ttf; other fonts fall back to the regular face. */
const boldNextTo = (path: string) => (/\.ttf$/i.test(path) ? path.replace(/(\.ttf)$/i, "-Bold$1") : undefined);

function readFont(path: string, fallback?: Buffer): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    if (fallback) return fallback;
    const code = error && typeof error === "object" && "code" in error ? ` (${String(error.code)})` : "";
    throw new FontError(`font file ${path} cannot be read${code}; check FONT_PATH`);
  }
}
