import type { Language } from '../../i18n/i18n';

/** A moment as staff read it, in the page's language. */
export function formatDateTime(value: string | null | undefined, language: Language): string {
  if (!value) return '—';
  return new Date(value).toLocaleString(language === 'ja' ? 'ja-JP' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}

/** How long a request has waited: minutes, hours or days. */
export function formatAge(seconds: number, language: Language): string {
  const minutes = Math.floor(seconds / 60);
  const hours = Math.floor(minutes / 60);
  const days = Math.floor(hours / 24);
  if (language === 'ja') {
    if (days > 0) return `${days}日`;
    if (hours > 0) return `${hours}時間`;
    return `${minutes}分`;
  }
  if (days > 0) return `${days} d`;
  if (hours > 0) return `${hours} h`;
  return `${minutes} min`;
}
