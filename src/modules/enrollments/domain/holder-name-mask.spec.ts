import { maskHolderName } from './holder-name-mask';

describe('maskHolderName', () => {
  it('keeps the first character, masks every other one with a full-width ＊ and keeps a half-width space', () => {
    expect(maskHolderName('山田 太郎')).toBe('山＊ ＊＊');
  });

  it('keeps a full-width space', () => {
    expect(maskHolderName('山田　太郎')).toBe('山＊　＊＊');
  });

  it('masks a name of one part entirely but its first character', () => {
    expect(maskHolderName('Taro')).toBe('T＊＊＊');
  });

  it('treats a surrogate pair as one character, first or later', () => {
    expect(maskHolderName('𠮷野 𠮷')).toBe('𠮷＊ ＊');
    expect(maskHolderName('田𠮷')).toBe('田＊');
  });

  it('does not let a leading space become the kept character', () => {
    expect(maskHolderName(' 山田')).toBe('山＊');
  });

  it('leaves a one-character name as it is', () => {
    expect(maskHolderName('光')).toBe('光');
  });
});
