import type { AccountStatus } from '../../../accounts/public-api';

export interface MemberView {
  userId: string;
  email: string;
  name: string;
  nameKana: string;
  phone: string | null;
  language: 'ja' | 'en';
  status: Exclude<AccountStatus, 'withdrawn'>;
  isAdministrator: boolean;
  joinedAt: Date;
  twoFactor: { enabled: boolean; enrolled: boolean; requiredByGroup: boolean; locked: boolean };
}

export interface GroupView {
  id: string;
  name: string;
  createdAt: Date;
  members: MemberView[];
}
