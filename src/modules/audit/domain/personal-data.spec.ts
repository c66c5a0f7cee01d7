import { ERASED, erasePersonalData } from './personal-data';

describe('erasePersonalData', () => {
  it("replaces addresses, names and phone numbers, keeps what happened and the account's IDs", () => {
    expect(
      erasePersonalData({
        accountId: 'a1',
        userId: 'yamada01',
        email: 'taro@example.jp',
        oldEmail: 'old@example.jp',
        newEmail: 'new@example.jp',
        changedFields: ['name', 'phone'],
        profile: { name: '山田 太郎', nameKana: 'ヤマダ タロウ', phone: '0312345678' },
        groupName: '研修G',
        reasonGiven: true,
        emailHash: 'abc',
        language: 'ja',
        registeredBy: 'self',
        consecutiveFailures: 3,
      }),
    ).toEqual({
      accountId: 'a1',
      userId: 'yamada01',
      email: ERASED,
      oldEmail: ERASED,
      newEmail: ERASED,
      changedFields: ['name', 'phone'],
      profile: { name: ERASED, nameKana: ERASED, phone: ERASED },
      groupName: ERASED,
      reasonGiven: true,
      emailHash: ERASED,
      language: 'ja',
      registeredBy: 'self',
      consecutiveFailures: 3,
    });
  });
});
