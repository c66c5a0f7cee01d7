const SPACE = /^[ \u3000]$/u;
const MASK = '＊';

/**
 * The holder's name as a public certificate check shows it: enough for the holder to recognise
 * it, too little to learn a stranger's name from a certificate number. The first character is
 * kept, every other character becomes a full-width ＊, and half- and full-width spaces stay so
 * the shape of the name is kept (`山田 太郎` → `山＊ ＊＊`). Characters are code points, so a
 * name with a surrogate pair (𠮷) masks to one ＊ per character.
 */
export function maskHolderName(name: string): string {
  const characters = Array.from(name.trim());
  return characters
    .map((character, index) => (index === 0 || SPACE.test(character) ? character : MASK))
    .join('');
}
