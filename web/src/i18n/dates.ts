import type { Language } from './i18n';

/** A calendar date (`YYYY-MM-DD`, Japan time) as a person reads it: 2027年1月5日 / 5 Jan 2027. */
export function formatDate(value: string | null | undefined, language: Language): string {
  const match = value ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  if (!match) return '—';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (language === 'ja') return `${year}年${month}月${day}日`;
  return new Date(Date.UTC(year, month - 1, day)).toLocaleDateString('en-GB', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
}

/** An instant in Japan time (the service's calendar), e.g. a cancellation deadline. */
export function formatJapanDateTime(value: string | null | undefined, language: Language): string {
  if (!value) return '—';
  const text = new Date(value).toLocaleString(language === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: 'Asia/Tokyo',
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return language === 'ja' ? text : `${text} JST`;
}
