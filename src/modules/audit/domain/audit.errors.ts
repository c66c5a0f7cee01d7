import { domainError } from '@app/ddd';

export const AuditExportRangeInvalidError = domainError('AUDIT_EXPORT_RANGE_INVALID', 'invalid', {
  ja: '出力期間が正しくありません。開始日時は終了日時より前で、期間は上限の日数以内にしてください。',
  en: 'The export range is invalid: the start must be before the end, and the range within the allowed number of days.',
});
