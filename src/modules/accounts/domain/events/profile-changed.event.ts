import { DomainEvent } from '@app/ddd';
import type { Language } from '../account-type';

export type ProfileChangedPayload = {
  accountId: string;
  userId: string;
  /** Names only (`name`, `phone`, `language`, …): the values are personal data the audit trail must not keep. */
  changedFields: string[];
  /** The new group name when it changed, for the groups context. */
  groupName?: string;
  language: Language;
};

export class ProfileChanged extends DomainEvent<ProfileChangedPayload> {
  static readonly TYPE = 'accounts.profile-changed';
  readonly type = ProfileChanged.TYPE;

  constructor(payload: ProfileChangedPayload) {
    super(payload.accountId, payload);
  }
}
