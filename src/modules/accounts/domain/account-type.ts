export const ACCOUNT_TYPES = ['individual', 'corporate', 'group'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

export const ACCOUNT_STATUSES = ['active', 'withdrawal_requested', 'withdrawn'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export const LANGUAGES = ['ja', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Who created the account: the customer on the web, support from a paper form, or a group administrator. */
export const REGISTRATION_CHANNELS = ['self', 'staff', 'group_admin'] as const;
export type RegisteredBy = (typeof REGISTRATION_CHANNELS)[number];
