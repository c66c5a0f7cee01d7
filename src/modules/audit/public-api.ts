export { GetAuditTrailQuery } from './application/queries/get-audit-trail/get-audit-trail.query';
export type { AuditEntryView } from './application/queries/get-audit-trail/get-audit-trail.query';
