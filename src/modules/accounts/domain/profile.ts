import { Embeddable, Property } from '@mikro-orm/core';
import { ProfileInvalidError } from './accounts.errors';
import type { AccountType } from './account-type';

export const PROFILE_LIMITS = {
  name: 100,
  nameKana: 100,
  phone: 20,
  companyName: 100,
  department: 100,
  groupName: 100,
} as const;

export type ProfileField = keyof typeof PROFILE_LIMITS;
export type ProfileInput = Partial<Record<ProfileField, string | null>>;
export type ProfileSnapshot = { name: string; nameKana: string } & Record<
  Exclude<ProfileField, 'name' | 'nameKana'>,
  string | null
>;

const PROFILE_FIELDS = Object.keys(PROFILE_LIMITS) as ProfileField[];

/** What each account type records about its holder (the FAQ's three kinds of user). */
const FIELDS_BY_TYPE: Record<AccountType, { required: ProfileField[]; optional: ProfileField[] }> =
  {
    individual: { required: ['name', 'nameKana'], optional: ['phone'] },
    corporate: { required: ['name', 'nameKana', 'companyName'], optional: ['phone', 'department'] },
    group: { required: ['name', 'nameKana', 'groupName'], optional: ['phone'] },
  };

const KANA = /^[\u3041-\u3096\u309D\u309E\u30A1-\u30FA\u30FB-\u30FE\u3000 ]+$/;
const PHONE = /^\+?[0-9]+(?:-[0-9]+)*$/;
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;

/**
 * The holder's details as the account type requires them. Kana and phone numbers are NFKC
 * normalised so that half-width katakana and full-width digits typed by an IME are accepted in
 * their canonical form.
 */
@Embeddable()
export class Profile {
  @Property({ type: 'string', length: PROFILE_LIMITS.name })
  name!: string;

  @Property({ type: 'string', length: PROFILE_LIMITS.nameKana })
  nameKana!: string;

  @Property({ type: 'string', length: PROFILE_LIMITS.phone, nullable: true })
  phone: string | null = null;

  @Property({ type: 'string', length: PROFILE_LIMITS.companyName, nullable: true })
  companyName: string | null = null;

  @Property({ type: 'string', length: PROFILE_LIMITS.department, nullable: true })
  department: string | null = null;

  @Property({ type: 'string', length: PROFILE_LIMITS.groupName, nullable: true })
  groupName: string | null = null;

  static forType(type: AccountType, input: ProfileInput): Profile {
    const { required, optional } = FIELDS_BY_TYPE[type];
    const problems: Record<string, string[]> = {};
    const values: Record<ProfileField, string | null> = {
      name: null,
      nameKana: null,
      phone: null,
      companyName: null,
      department: null,
      groupName: null,
    };

    for (const field of PROFILE_FIELDS) {
      const value = normalise(field, input[field]);
      const reason = refusal(field, value, required.includes(field), optional.includes(field));
      if (reason) problems[`profile.${field}`] = [reason];
      else values[field] = value;
    }
    if (Object.keys(problems).length > 0) throw new ProfileInvalidError({ fields: problems, type });

    return Object.assign(new Profile(), values);
  }

  /** The profile after a My Page edit: fields absent from `changes` keep their value, `null` clears. */
  amendedFor(type: AccountType, changes: ProfileInput): Profile {
    const given = Object.entries(changes).filter(([, value]) => value !== undefined);
    return Profile.forType(type, { ...this.snapshot(), ...Object.fromEntries(given) });
  }

  fieldsDifferentFrom(other: Profile): ProfileField[] {
    return PROFILE_FIELDS.filter((field) => this[field] !== other[field]);
  }

  snapshot(): ProfileSnapshot {
    return {
      name: this.name,
      nameKana: this.nameKana,
      phone: this.phone,
      companyName: this.companyName,
      department: this.department,
      groupName: this.groupName,
    };
  }
}

function normalise(field: ProfileField, raw: string | null | undefined): string | null {
  if (raw === undefined || raw === null) return null;
  const form = field === 'nameKana' || field === 'phone' ? 'NFKC' : 'NFC';
  const value = raw.normalize(form).trim();
  return value.length === 0 ? null : value;
}

function refusal(
  field: ProfileField,
  value: string | null,
  required: boolean,
  optional: boolean,
): string | null {
  if (value === null) return required ? 'required' : null;
  if (!required && !optional) return 'not_applicable_to_type';
  return problemWith(field, value);
}

function problemWith(field: ProfileField, value: string): string | null {
  if (value.length > PROFILE_LIMITS[field]) return 'too_long';
  if (INVISIBLE.test(value)) return 'control_characters';
  if (field === 'nameKana' && !KANA.test(value)) return 'kana_only';
  if (field === 'phone' && !PHONE.test(value)) return 'phone_format';
  return null;
}
