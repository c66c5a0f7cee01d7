import { api } from './client';
import type { Schemas } from './client';
import { networkProblem } from './network';
import { problemsOf } from './problems';
import type { Problem } from './problems';

/**
 * The enrollments part of the public JSON API (docs/enrollments.md): the course catalogue,
 * applications and their attendees, the documents and the certificate check. Every call answers
 * the data or the API's problems, as `useLoad` and `useSubmission` take them.
 */
export type Result<T> = { data: T } | { problems: Problem[] };

export type Course = Schemas['CourseDto'];
export type Session = Schemas['CourseSessionDto'];
export type Attendee = Schemas['AttendeeDto'];
export type Application = Schemas['ApplicationDto'];
export type CourseWithSessions = Schemas['CourseWithSessionsDto'];
export type SessionAttendee = Schemas['SessionAttendeeDto'];
export type SessionDetail = Schemas['CourseSessionDetailDto'];
export type CertificateCheck = Schemas['CertificateCheckDto'];
export type CourseKind = Course['kind'];
export type AttendeeRequest = Schemas['RequestedAttendeeDto'];

export type PaperApplicationRequest = Schemas['PaperApplicationDto'];
export type PaperApplicationResult = Schemas['PaperApplicationResultDto'];

const BASE = '/api/v1';

/** One typed call of the generated client, as data or the API's problems. */
async function call<T>(
  request: Promise<{ data?: T; error?: unknown }>,
  rename: Record<string, string> = {},
): Promise<Result<T>> {
  try {
    const { data, error } = await request;
    return data !== undefined ? { data } : { problems: problemsOf(error, rename) };
  } catch {
    return { problems: [networkProblem] };
  }
}

/** A request's answer as useSubmission wants it: null when done, else the problems. */
export const problemsOrNull = <T>(result: Result<T>): Problem[] | null =>
  'problems' in result ? result.problems : null;

const withReason = (reason?: string) => (reason ? { reason } : {});

export const enrollmentsApi = {
  openSessions: (courseCode?: string) =>
    call(
      api.GET('/api/v1/enrollments/sessions', {
        params: { query: courseCode ? { courseCode } : {} },
      }),
    ),
  apply: (sessionId: string, attendees: AttendeeRequest[]) =>
    call(api.POST('/api/v1/me/applications', { body: { sessionId, attendees } })),
  myApplications: () => call(api.GET('/api/v1/me/applications')),
  cancelMine: (applicationId: string, attendeeIds?: string[]) =>
    call(
      api.POST('/api/v1/me/applications/{applicationId}/cancellation', {
        params: { path: { applicationId } },
        body: attendeeIds ? { attendeeIds } : {},
      }),
    ),
  verifyCertificate: (number: string) =>
    call(api.GET('/api/v1/certificates/{number}', { params: { path: { number } } })),

  courses: () => call(api.GET('/api/v1/admin/enrollments/courses')),
  createCourse: (body: { code: string; title: string; kind: CourseKind; qaEligible: boolean }) =>
    call(api.POST('/api/v1/admin/enrollments/courses', { body })),
  scheduleSession: (courseId: string, body: Schemas['ScheduleSessionDto']) =>
    call(
      api.POST('/api/v1/admin/enrollments/courses/{courseId}/sessions', {
        params: { path: { courseId } },
        body,
      }),
    ),
  openSession: (sessionId: string) =>
    call(
      api.POST('/api/v1/admin/enrollments/sessions/{sessionId}/opening', {
        params: { path: { sessionId } },
        body: {},
      }),
    ),
  closeSession: (sessionId: string) =>
    call(
      api.POST('/api/v1/admin/enrollments/sessions/{sessionId}/closing', {
        params: { path: { sessionId } },
        body: {},
      }),
    ),
  session: (sessionId: string) =>
    call(
      api.GET('/api/v1/admin/enrollments/sessions/{sessionId}', {
        params: { path: { sessionId } },
      }),
    ),
  confirm: (sessionId: string, attendeeIds: string[], reason?: string) =>
    call(
      api.POST('/api/v1/admin/enrollments/sessions/{sessionId}/confirmations', {
        params: { path: { sessionId } },
        body: { attendeeIds, ...withReason(reason) },
      }),
    ),
  complete: (sessionId: string, attendeeIds: string[], reason?: string) =>
    call(
      api.POST('/api/v1/admin/enrollments/sessions/{sessionId}/completions', {
        params: { path: { sessionId } },
        body: { attendeeIds, ...withReason(reason) },
      }),
    ),
  paperApplication: (body: PaperApplicationRequest) =>
    call(api.POST('/api/v1/admin/enrollments/applications', { body }), {
      'newCustomer.email': 'email',
      'newCustomer.profile.name': 'name',
      'newCustomer.profile.nameKana': 'nameKana',
      'newCustomer.profile.phone': 'phone',
      'newCustomer.language': 'language',
    }),
  customerApplications: (userId: string) =>
    call(api.GET('/api/v1/admin/enrollments/applications', { params: { query: { userId } } })),
  staffCancel: (applicationId: string, reason: string, attendeeIds?: string[]) =>
    call(
      api.POST('/api/v1/admin/enrollments/applications/{applicationId}/cancellation', {
        params: { path: { applicationId } },
        body: { reason, ...(attendeeIds ? { attendeeIds } : {}) },
      }),
    ),
};

const path = (template: string, ...values: string[]) =>
  values.reduce((p, value) => p.replace(/\{[^}]+\}/, encodeURIComponent(value)), template);

/** Where an attendee's documents download (the session cookie goes along: same origin). */
export const ticketUrl = (applicationId: string, attendeeId: string) =>
  `${BASE}${path('/me/applications/{id}/attendees/{a}/ticket.pdf', applicationId, attendeeId)}`;
export const certificateUrl = (applicationId: string, attendeeId: string) =>
  `${BASE}${path('/me/applications/{id}/attendees/{a}/certificate.pdf', applicationId, attendeeId)}`;

/** A live seat: one that can still be cancelled (not completed, not cancelled). */
export const isLive = (attendee: Attendee) =>
  attendee.status === 'received' || attendee.status === 'confirmed';
