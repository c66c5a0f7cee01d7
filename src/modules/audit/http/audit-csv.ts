import type { AuditEntryView } from '../application/queries/get-audit-trail/get-audit-trail.query';

const COLUMNS = [
  'eventId',
  'type',
  'occurredAt',
  'actorAccountId',
  'subjectAccountId',
  'clientIp',
  'userAgent',
  'requestId',
  'payload',
] as const;

export const CSV_HEADER = COLUMNS.join(',');

/** One RFC 4180 line; a cell a spreadsheet would run as a formula is prefixed with `'`. */
export function toCsvLine(entry: AuditEntryView): string {
  return COLUMNS.map((column) => {
    const value = entry[column];
    return cell(typeof value === 'string' ? value : value === null ? '' : JSON.stringify(value));
  }).join(',');
}

function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
