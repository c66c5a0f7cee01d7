import { defineMailTemplate, stringField } from '../mail/public-api';
import type { Language, MailContext } from '../mail/public-api';
import {
  ApplicationReceived,
  AttendeeCancelled,
  AttendeeCompleted,
  AttendeeConfirmed,
  QaReminderDue,
} from './domain/enrollments.events';

function when(context: MailContext, language: Language): string {
  const date = stringField(context, 'date');
  const accessEnd = context.payload.accessEnd;
  if (typeof accessEnd === 'string' && accessEnd.length > 0)
    return language === 'ja'
      ? `${date} 〜 ${accessEnd}(受講期間)`
      : `${date} to ${accessEnd} (access period)`;
  return date;
}

function course(context: MailContext, language: Language): string[] {
  const venue = context.payload.venue;
  const label =
    language === 'ja'
      ? { course: '講座', date: '日程', venue: '会場' }
      : { course: 'Course', date: 'Date', venue: 'Venue' };
  return [
    `${label.course}: ${stringField(context, 'courseTitle')} (${stringField(context, 'courseCode')})`,
    `${label.date}: ${when(context, language)}`,
    ...(typeof venue === 'string' && venue.length > 0 ? [`${label.venue}: ${venue}`] : []),
  ];
}

function attendeeNames(context: MailContext): string[] {
  const names = context.payload.attendeeNames;
  return Array.isArray(names) ? names.map((name) => `・${String(name)}`) : [];
}

/** Mails about applications and seats (docs/enrollments.md, "Events and mails"). */
export const ENROLLMENTS_MAIL_TEMPLATES = [
  defineMailTemplate({
    event: ApplicationReceived.TYPE,
    ja: (context) => ({
      subject: '受講のお申込みを受け付けました',
      lines: [
        '受講のお申込みを受け付けました。受講票は受付確定後にマイページからダウンロードいただけます。',
        '',
        `申込番号: ${stringField(context, 'applicationNumber')}`,
        ...course(context, 'ja'),
        '受講者:',
        ...attendeeNames(context),
        '',
        `お申込みの確認: ${stringField(context, 'myPageUrl')}`,
      ],
    }),
    en: (context) => ({
      subject: 'We received your application',
      lines: [
        'We received your application. Once it is confirmed, the attendance tickets can be downloaded from My Page.',
        '',
        `Application number: ${stringField(context, 'applicationNumber')}`,
        ...course(context, 'en'),
        'Attendees:',
        ...attendeeNames(context),
        '',
        `Your applications: ${stringField(context, 'myPageUrl')}`,
      ],
    }),
  }),
  defineMailTemplate({
    event: AttendeeConfirmed.TYPE,
    ja: (context) => ({
      subject: '受講が確定しました(受講票のご案内)',
      lines: [
        `${stringField(context, 'attendeeName')} 様の受講が確定しました。`,
        '',
        `申込番号: ${stringField(context, 'applicationNumber')}`,
        `受講票番号: ${stringField(context, 'ticketNumber')}`,
        ...course(context, 'ja'),
        '',
        `受講票はマイページの「お申込み」からダウンロードできます: ${stringField(context, 'myPageUrl')}`,
      ],
    }),
    en: (context) => ({
      subject: 'Your seat is confirmed (attendance ticket)',
      lines: [
        `The seat of ${stringField(context, 'attendeeName')} is confirmed.`,
        '',
        `Application number: ${stringField(context, 'applicationNumber')}`,
        `Ticket number: ${stringField(context, 'ticketNumber')}`,
        ...course(context, 'en'),
        '',
        `Download the attendance ticket from "Applications" on My Page: ${stringField(context, 'myPageUrl')}`,
      ],
    }),
  }),
  defineMailTemplate({
    event: AttendeeCompleted.TYPE,
    ja: (context) => ({
      subject: '修了証を発行しました',
      lines: [
        `${stringField(context, 'attendeeName')} 様の修了を確認し、修了証を発行しました。`,
        '',
        `修了証番号: ${stringField(context, 'certificateNumber')}`,
        ...course(context, 'ja'),
        '',
        `修了証のダウンロード(ログインが必要です): ${stringField(context, 'certificateUrl')}`,
      ],
    }),
    en: (context) => ({
      subject: 'Your completion certificate is ready',
      lines: [
        `${stringField(context, 'attendeeName')} completed the course; the certificate is issued.`,
        '',
        `Certificate number: ${stringField(context, 'certificateNumber')}`,
        ...course(context, 'en'),
        '',
        `Download the certificate (login required): ${stringField(context, 'certificateUrl')}`,
      ],
    }),
  }),
  defineMailTemplate({
    event: AttendeeCancelled.TYPE,
    // A withdrawal cancels silently (ADR 0091), and an applicant without an account any more
    // has no address: the event then carries none.
    recipient: (context) =>
      context.payload.by === 'withdrawal' ? null : (context.secrets?.email ?? null) || null,
    ja: (context) => ({
      subject: '受講のお申込みをキャンセルしました',
      lines: [
        context.payload.by === 'staff'
          ? `${stringField(context, 'attendeeName')} 様のお申込みを、当社にてキャンセルいたしました。`
          : `${stringField(context, 'attendeeName')} 様のお申込みをキャンセルしました。`,
        '',
        `申込番号: ${stringField(context, 'applicationNumber')}`,
        ...course(context, 'ja'),
      ],
    }),
    en: (context) => ({
      subject: 'Your application was cancelled',
      lines: [
        context.payload.by === 'staff'
          ? `We cancelled the seat of ${stringField(context, 'attendeeName')}.`
          : `The seat of ${stringField(context, 'attendeeName')} is cancelled.`,
        '',
        `Application number: ${stringField(context, 'applicationNumber')}`,
        ...course(context, 'en'),
      ],
    }),
  }),
  defineMailTemplate({
    event: QaReminderDue.TYPE,
    ja: (context) => ({
      subject: 'インターネットQAサービスの無料期間がまもなく終了します',
      lines: [
        `${stringField(context, 'courseTitle')} (${stringField(context, 'courseCode')}) の受講特典であるインターネットQAサービスは、${stringField(context, 'lastDay')} をもって終了します(日本時間)。`,
        '期間中のご質問はお早めにお寄せください。',
      ],
    }),
    en: (context) => ({
      subject: 'Your free Internet QA service ends soon',
      lines: [
        `The Internet QA service that came with ${stringField(context, 'courseTitle')} (${stringField(context, 'courseCode')}) ends on ${stringField(context, 'lastDay')} (its last day, Japan time).`,
        'Please send any questions before then.',
      ],
    }),
  }),
];
