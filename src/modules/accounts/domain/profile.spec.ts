import { DomainError } from '@app/ddd';
import { Profile } from './profile';
import type { ProfileInput } from './profile';
import type { AccountType } from './account-type';

function problems(type: AccountType, input: ProfileInput): unknown {
  try {
    Profile.forType(type, input);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'PROFILE_INVALID')
      return error.details?.fields;
    throw error;
  }
  throw new Error('the profile was accepted');
}

const person = { name: '山田 太郎', nameKana: 'ヤマダ タロウ' };

describe('Profile', () => {
  it('keeps what each type needs: company and department for corporate, group name for group', () => {
    expect(Profile.forType('individual', { ...person, phone: '090-1234-5678' }).snapshot()).toEqual(
      {
        ...person,
        phone: '090-1234-5678',
        companyName: null,
        department: null,
        groupName: null,
      },
    );
    expect(
      Profile.forType('corporate', {
        ...person,
        companyName: '株式会社サンプル',
        department: '人事部',
      }).snapshot(),
    ).toMatchObject({ companyName: '株式会社サンプル', department: '人事部' });
    expect(Profile.forType('group', { ...person, groupName: '品質管理研究会' }).groupName).toBe(
      '品質管理研究会',
    );
  });

  it.each<[AccountType, ProfileInput, Record<string, string[]>]>([
    ['individual', {}, { 'profile.name': ['required'], 'profile.nameKana': ['required'] }],
    ['corporate', person, { 'profile.companyName': ['required'] }],
    ['group', { ...person, groupName: '   ' }, { 'profile.groupName': ['required'] }],
    [
      'individual',
      { ...person, companyName: '株式会社サンプル' },
      { 'profile.companyName': ['not_applicable_to_type'] },
    ],
    [
      'corporate',
      { ...person, companyName: 'A社', groupName: 'G' },
      { 'profile.groupName': ['not_applicable_to_type'] },
    ],
    ['individual', { ...person, nameKana: 'Yamada Taro' }, { 'profile.nameKana': ['kana_only'] }],
    ['individual', { ...person, phone: '03-1234-567８x' }, { 'profile.phone': ['phone_format'] }],
    ['individual', { ...person, name: 'a'.repeat(101) }, { 'profile.name': ['too_long'] }],
    [
      'individual',
      { ...person, name: '山田\u0000太郎' },
      { 'profile.name': ['control_characters'] },
    ],
  ])('refuses a %s profile %j with PROFILE_INVALID naming each field', (type, input, expected) => {
    expect(problems(type, input)).toEqual(expected);
  });

  it('accepts hiragana and half-width katakana for the kana name, and full-width digits in the phone', () => {
    const profile = Profile.forType('individual', {
      name: '山田',
      nameKana: 'ﾔﾏﾀﾞ たろう',
      phone: '０９０-１２３４-５６７８',
    });
    expect(profile.nameKana).toBe('ヤマダ たろう');
    expect(profile.phone).toBe('090-1234-5678');
  });

  it('amends only the fields given, clears optional ones given as null, and reports what differs', () => {
    const before = Profile.forType('corporate', {
      ...person,
      companyName: 'A社',
      department: '総務部',
      phone: '03-1111-2222',
    });
    // DTO instances carry absent fields as own properties set to undefined.
    const after = before.amendedFor('corporate', {
      department: null,
      name: '山田 花子',
      phone: undefined,
    });
    expect(after.snapshot()).toEqual({
      ...person,
      name: '山田 花子',
      companyName: 'A社',
      department: null,
      phone: '03-1111-2222',
      groupName: null,
    });
    expect(after.fieldsDifferentFrom(before)).toEqual(['name', 'department']);
  });

  it('refuses clearing a required field', () => {
    const before = Profile.forType('corporate', { ...person, companyName: 'A社' });
    expect(() => before.amendedFor('corporate', { companyName: null })).toThrow(
      expect.objectContaining({
        code: 'PROFILE_INVALID',
        details: expect.objectContaining({ fields: { 'profile.companyName': ['required'] } }),
      }),
    );
  });
});
