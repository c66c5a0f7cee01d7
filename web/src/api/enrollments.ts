import { currentLanguage } from '../i18n/i18n';
import { networkProblem } from './network';
import { problemsOf } from './problems';
import type { Problem } from './problems';

/**
 * The enrollments part of the public JSON API (docs/enrollments.md): the course catalogue,
 * applications and their attendees, the documents and the certificate check. Every call answers
 * the data or the API's problems, as `useLoad` and `useSubmission` take them.
 */
export type Result<T> = { data: T } | { problems: Problem[] };

export type CourseKind = 'classroom' | 'elearning';
export type SessionStatus = 'draft' | 'open' | 'closed';
export type AttendeeStatus = 'received' | 'confirmed' | 'completed' | 'cancelled';
export type AttendeeKind = 'self' | 'staff' | 'member';

export interface Course {
  id: string;
  code: string;
  title: string;
  kind: CourseKind;
  qaEligible: boolean;
}

export interface Session {
  id: string;
  courseId: string;
  course: { code: string; title: string; kind: CourseKind; qaEligible: boolean };
  date: string;
  venue: string | null;
  accessStart: string | null;
  accessEnd: string | null;
  capacity: number | null;
  seatsTaken: number;
  seatsLeft: number | null;
  status: SessionStatus;
  cancellationDeadline: string;
}

export interface Attendee {
  id: string;
  kind: AttendeeKind;
  userId: string | null;
  name: string | null;
  nameKana: string | null;
  email: string | null;
  status: AttendeeStatus;
  ticketNumber: string | null;
  certificateNumber: string | null;
  confirmedAt: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
  qa: { entitled: boolean; endsAt: string | null; lastDay: string | null } | null;
}

export interface Application {
  id: string;
  number: string;
  sessionId: string;
  session: Session;
  applicant: { userId: string; type: string; name: string | null };
  channel: 'web' | 'paper';
  createdAt: string;
  attendees: Attendee[];
}

export type CourseWithSessions = Course & { sessions: Session[] };

export type SessionAttendee = Attendee & {
  applicationId: string;
  applicationNumber: string;
  applicant: { userId: string; name: string | null };
};

export type SessionDetail = Session & { attendees: SessionAttendee[] };

export type AttendeeRequest =
  | { kind: 'self' }
  | { kind: 'staff'; name: string; nameKana: string; email: string }
  | { kind: 'member'; userId: string };

export interface CertificateCheck {
  valid: boolean;
  number: string;
  courseTitle: string;
  courseCode: string;
  date: string;
  holderName: string | null;
}

export interface NewCustomer {
  email: string;
  profile: { name: string; nameKana: string; phone?: string };
  language?: 'ja' | 'en';
}

export interface PaperApplicationRequest {
  sessionId: string;
  userId?: string;
  newCustomer?: NewCustomer;
  reason: string;
}

const BASE = '/api/v1';

async function send<T>(
  method: 'GET' | 'POST' | 'PATCH',
  path: string,
  body?: unknown,
  rename: Record<string, string> = {},
): Promise<Result<T>> {
  let response: Response;
  try {
    response = await fetch(`${BASE}${path}`, {
      method,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        'Accept-Language': currentLanguage(),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { problems: [networkProblem] };
  }
  const parsed: unknown = await response.json().catch(() => undefined);
  if (response.ok) return { data: parsed as T };
  return { problems: problemsOf(parsed, rename) };
}

const path = (template: string, ...values: string[]) =>
  values.reduce((p, value) => p.replace(/\{[^}]+\}/, encodeURIComponent(value)), template);

/** A request's answer as useSubmission wants it: null when done, else the problems. */
export const problemsOrNull = <T>(result: Result<T>): Problem[] | null =>
  'problems' in result ? result.problems : null;

export const enrollmentsApi = {
  openSessions: (courseCode?: string) =>
    send<{ items: Session[] }>(
      'GET',
      `/enrollments/sessions${courseCode ? `?courseCode=${encodeURIComponent(courseCode)}` : ''}`,
    ),
  apply: (sessionId: string, attendees: AttendeeRequest[]) =>
    send<Application>('POST', '/me/applications', { sessionId, attendees }),
  myApplications: () => send<{ items: Application[] }>('GET', '/me/applications'),
  cancelMine: (id: string, attendeeIds?: string[]) =>
    send<Application>(
      'POST',
      path('/me/applications/{id}/cancellation', id),
      attendeeIds ? { attendeeIds } : {},
    ),
  verifyCertificate: (number: string) =>
    send<CertificateCheck>('GET', path('/certificates/{number}', number), undefined, {
      number: 'number',
    }),

  courses: () => send<{ items: CourseWithSessions[] }>('GET', '/admin/enrollments/courses'),
  createCourse: (body: { code: string; title: string; kind: CourseKind; qaEligible: boolean }) =>
    send<Course>('POST', '/admin/enrollments/courses', body),
  scheduleSession: (
    courseId: string,
    body:
      | { date: string; venue: string; capacity: number }
      | { accessStart: string; accessEnd: string; capacity?: number },
  ) => send<Session>('POST', path('/admin/enrollments/courses/{id}/sessions', courseId), body),
  openSession: (sessionId: string) =>
    send<Session>('POST', path('/admin/enrollments/sessions/{id}/opening', sessionId), {}),
  closeSession: (sessionId: string) =>
    send<Session>('POST', path('/admin/enrollments/sessions/{id}/closing', sessionId), {}),
  session: (sessionId: string) =>
    send<SessionDetail>('GET', path('/admin/enrollments/sessions/{id}', sessionId)),
  confirm: (sessionId: string, attendeeIds: string[], reason?: string) =>
    send<{ confirmed: number }>(
      'POST',
      path('/admin/enrollments/sessions/{id}/confirmations', sessionId),
      { attendeeIds, ...(reason ? { reason } : {}) },
    ),
  complete: (sessionId: string, attendeeIds: string[], reason?: string) =>
    send<{ completed: number }>(
      'POST',
      path('/admin/enrollments/sessions/{id}/completions', sessionId),
      { attendeeIds, ...(reason ? { reason } : {}) },
    ),
  paperApplication: (body: PaperApplicationRequest) =>
    send<Application & { registeredUserId?: string }>(
      'POST',
      '/admin/enrollments/applications',
      body,
      {
        'newCustomer.email': 'email',
        'newCustomer.profile.name': 'name',
        'newCustomer.profile.nameKana': 'nameKana',
        'newCustomer.profile.phone': 'phone',
        'newCustomer.language': 'language',
      },
    ),
  customerApplications: (userId: string) =>
    send<{ items: Application[] }>(
      'GET',
      `/admin/enrollments/applications?userId=${encodeURIComponent(userId)}`,
      undefined,
      {},
    ),
  staffCancel: (id: string, reason: string, attendeeIds?: string[]) =>
    send<Application>('POST', path('/admin/enrollments/applications/{id}/cancellation', id), {
      reason,
      ...(attendeeIds ? { attendeeIds } : {}),
    }),
};

/** Where an attendee's documents download (the session cookie goes along: same origin). */
export const ticketUrl = (applicationId: string, attendeeId: string) =>
  `${BASE}${path('/me/applications/{id}/attendees/{a}/ticket.pdf', applicationId, attendeeId)}`;
export const certificateUrl = (applicationId: string, attendeeId: string) =>
  `${BASE}${path('/me/applications/{id}/attendees/{a}/certificate.pdf', applicationId, attendeeId)}`;

/** A live seat: one that can still be cancelled (not completed, not cancelled). */
export const isLive = (attendee: Attendee) =>
  attendee.status === 'received' || attendee.status === 'confirmed';
