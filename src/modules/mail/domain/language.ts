export type Language = 'ja' | 'en';

export function languageOf(value: unknown): Language {
  return value === 'en' ? 'en' : 'ja';
}
