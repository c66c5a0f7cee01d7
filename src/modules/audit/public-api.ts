export { GetAuditTrailQuery } from './application/queries/get-audit-trail/get-audit-trail.query';
export type {
  AuditEntryView,
  AuditTrailFilter,
} from './application/queries/get-audit-trail/get-audit-trail.query';
export { GetSupportRequestActionsQuery } from './application/queries/get-support-request-actions/get-support-request-actions.query';
export { ErasePersonalDataFromAuditCommand } from './application/commands/erase-personal-data/erase-personal-data.command';
export { ExportAuditTrailQuery } from './application/queries/export-audit-trail/export-audit-trail.query';
export type { AuditExportFilter } from './application/queries/export-audit-trail/export-audit-trail.query';
