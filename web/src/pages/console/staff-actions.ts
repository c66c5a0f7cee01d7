import { api } from '../../api/client';
import { problemsOf } from '../../api/problems';
import type { Problem } from '../../api/problems';
import type { MessageKey } from '../../i18n/ja';

/** What staff may do to an account; each is sent with `{ reason, supportRequestId }`. */
export type StaffActionKind =
  | 'unlock'
  | 'twoFactorReset'
  | 'liftCooldown'
  | 'endSessions'
  | 'renewal'
  | 'passwordReissue'
  | 'completeWithdrawal';

export const ACCOUNT_ACTIONS: StaffActionKind[] = [
  'unlock',
  'twoFactorReset',
  'liftCooldown',
  'endSessions',
  'renewal',
  'passwordReissue',
  'completeWithdrawal',
];

/** The actions that answer a request's category (the ones a request page offers). */
export const REQUEST_ACTIONS: StaffActionKind[] = ['unlock', 'twoFactorReset', 'liftCooldown'];

export const actionLabel = (kind: StaffActionKind) => `console.action.${kind}` as MessageKey;
export const actionDone = (kind: StaffActionKind) => `console.actionDone.${kind}` as MessageKey;
export const actionIntro = (kind: StaffActionKind) => `console.actionIntro.${kind}` as MessageKey;

export interface StaffActionBody {
  reason: string;
  supportRequestId?: string;
}

/** Sends one action; answers the API's problems, or null when it was done. */
export async function sendStaffAction(
  kind: StaffActionKind,
  userId: string,
  body: StaffActionBody,
): Promise<Problem[] | null> {
  const params = { params: { path: { userId } }, body };
  const { error, response } = await (() => {
    switch (kind) {
      case 'unlock':
        return api.POST('/api/v1/admin/accounts/{userId}/unlock', params);
      case 'twoFactorReset':
        return api.POST('/api/v1/admin/accounts/{userId}/two-factor/reset', params);
      case 'liftCooldown':
        return api.POST('/api/v1/admin/accounts/{userId}/login-cooldown/lift', params);
      case 'endSessions':
        return api.POST('/api/v1/admin/accounts/{userId}/sessions/end', params);
      case 'renewal':
        return api.POST('/api/v1/admin/accounts/{userId}/renewal', params);
      case 'passwordReissue':
        return api.POST('/api/v1/admin/accounts/{userId}/password-reissue', params);
      case 'completeWithdrawal':
        return api.POST('/api/v1/admin/withdrawals/{userId}/complete', params);
    }
  })();
  return response.ok ? null : problemsOf(error);
}
