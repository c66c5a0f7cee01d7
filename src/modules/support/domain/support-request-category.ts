/** What the customer writes about, as the contact form offers it. */
export const SUPPORT_CATEGORIES = [
  'two_factor_locked',
  'two_factor_reset',
  'cannot_log_in',
  'withdrawal',
  'other',
] as const;
export type SupportCategory = (typeof SUPPORT_CATEGORIES)[number];

export const SUPPORT_STATUSES = ['open', 'in_progress', 'closed'] as const;
export type SupportStatus = (typeof SUPPORT_STATUSES)[number];

export type SupportLanguage = 'ja' | 'en';

export const SUPPORT_MESSAGE_MAX_LENGTH = 4000;
export const SUPPORT_REPLY_MAX_LENGTH = 8000;
