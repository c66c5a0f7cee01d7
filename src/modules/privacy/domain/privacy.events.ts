import { DomainEvent } from '@app/ddd';

export type PersonalDataExportedPayload = {
  accountId: string;
  userId: string;
};

/** The account downloaded the data the service holds about it (`GET /me/export`). */
export class PersonalDataExported extends DomainEvent<PersonalDataExportedPayload> {
  static readonly TYPE = 'privacy.personal-data-exported';
  readonly type = PersonalDataExported.TYPE;

  constructor(payload: PersonalDataExportedPayload) {
    super(payload.accountId, payload);
  }
}
