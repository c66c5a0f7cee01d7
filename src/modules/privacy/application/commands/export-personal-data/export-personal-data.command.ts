import { Command } from '@nestjs/cqrs';
import type { OwnAuditEntry } from '../../../domain/own-audit-entry';

export interface PersonalDataExport {
  exportedAt: string;
  account: {
    accountId: string;
    userId: string;
    type: string;
    status: string;
    language: string;
    email: string | null;
    profile: Record<string, string | null>;
    renewalRequired: boolean;
  };
  twoFactor: { enabled: boolean; enrolled: boolean; requiredByGroup: boolean; locked: boolean };
  group: { groupId: string; groupName: string; isAdministrator: boolean; joinedAt: string } | null;
  staffRoles: string[];
  sessions: {
    scope: string;
    createdAt: string;
    lastSeenAt: string;
    expiresAt: string;
    clientIp: string | null;
    userAgent: string | null;
    current: boolean;
  }[];
  auditTrail: OwnAuditEntry[];
}

/** Everything the service holds about the signed-in account, for it to download (rate-limited, audited). */
export class ExportPersonalDataCommand extends Command<PersonalDataExport> {
  constructor(
    readonly accountId: string,
    readonly sessionId: string,
  ) {
    super();
  }
}
