export { GetAuditTrailQuery } from './application/queries/get-audit-trail/get-audit-trail.query';
export type {
  AuditEntryView,
  AuditTrailFilter,
} from './application/queries/get-audit-trail/get-audit-trail.query';
export { GetSupportRequestActionsQuery } from './application/queries/get-support-request-actions/get-support-request-actions.query';
