import { domainError } from '@app/ddd';

// Reused, not redefined (one code, one answer): SESSION_NOT_FOUND from authentication, whose
// message names both kinds of session; MEMBER_NOT_FOUND from groups; ACCOUNT_NOT_FOUND from accounts.
export { SessionNotFoundError } from '../../authentication/public-api';
export { MemberNotFoundError } from '../../groups/public-api';
export { AccountNotFoundError } from '../../accounts/public-api';

export const SessionNotOpenError = domainError('SESSION_NOT_OPEN', 'conflict', {
  ja: 'この開催回は現在お申込みを受け付けていません。',
  en: 'This session is not taking applications.',
});

export const SessionFullError = domainError('SESSION_FULL', 'conflict', {
  ja: 'この開催回は満席のため、お申込みいただけません。',
  en: 'This session is full.',
});

export const AlreadyAppliedError = domainError('ALREADY_APPLIED', 'conflict', {
  ja: 'この開催回には、すでにお申込み済みの受講者が含まれています。',
  en: 'An attendee has already applied for this session.',
});

export const AttendeeKindNotAllowedError = domainError('ATTENDEE_KIND_NOT_ALLOWED', 'invalid', {
  ja: 'このアカウントの種別では、指定された受講者を申し込めません。',
  en: 'This type of account cannot apply for this kind of attendee.',
});

export const ApplicationNotFoundError = domainError('APPLICATION_NOT_FOUND', 'not_found', {
  ja: '指定されたお申込みは見つかりません。',
  en: 'The application was not found.',
});

export const CancellationDeadlinePassedError = domainError(
  'CANCELLATION_DEADLINE_PASSED',
  'conflict',
  {
    ja: 'キャンセルの受付期限(開催日前日の17時)を過ぎています。お問い合わせフォームからご連絡ください。',
    en: 'The cancellation deadline (17:00 Japan time the day before) has passed. Please contact us through the contact form.',
  },
);

export const AttendeeNotCancellableError = domainError('ATTENDEE_NOT_CANCELLABLE', 'conflict', {
  ja: '修了済みまたはキャンセル済みの受講者はキャンセルできません。',
  en: 'A completed or already cancelled attendee cannot be cancelled.',
});

export const TicketNotIssuedError = domainError('TICKET_NOT_ISSUED', 'not_found', {
  ja: '受講票はまだ発行されていません。',
  en: 'No attendance ticket has been issued.',
});

export const CertificateNotIssuedError = domainError('CERTIFICATE_NOT_ISSUED', 'not_found', {
  ja: '修了証はまだ発行されていません。',
  en: 'No completion certificate has been issued.',
});

export const CertificateNotFoundError = domainError('CERTIFICATE_NOT_FOUND', 'not_found', {
  ja: 'この番号の修了証はありません。',
  en: 'There is no certificate with this number.',
});

export const CourseNotFoundError = domainError('COURSE_NOT_FOUND', 'not_found', {
  ja: '指定された講座は見つかりません。',
  en: 'The course was not found.',
});

export const CourseCodeTakenError = domainError('COURSE_CODE_TAKEN', 'conflict', {
  ja: 'この講座コードはすでに使われています。',
  en: 'This course code is already in use.',
});

export const AttendeeNotInSessionError = domainError('ATTENDEE_NOT_IN_SESSION', 'invalid', {
  ja: '指定された受講者の中に、この開催回の受講者でない方が含まれています。',
  en: 'Some of the attendees do not belong to this session.',
});

export const ServiceUnauthenticatedError = domainError(
  'SERVICE_UNAUTHENTICATED',
  'unauthenticated',
  {
    ja: 'サービスの認証情報がないか、正しくありません。',
    en: 'The service credential is missing or wrong.',
  },
);
