import type { ProfileForm } from '../../components/ProfileFields';
import { useFields } from '../../components/use-fields';

export interface MemberForm extends ProfileForm {
  userId: string;
  email: string;
}

export const mailLanguage = (value: string): 'ja' | 'en' => (value === 'en' ? 'en' : 'ja');

/** A member's form state (no company or group name: the group's is the member's). */
export function useMemberForm(initial: () => Partial<MemberForm>) {
  return useFields<MemberForm>(() => ({
    userId: '',
    email: '',
    name: '',
    nameKana: '',
    phone: '',
    companyName: '',
    department: '',
    groupName: '',
    language: 'ja',
    ...initial(),
  }));
}
