import type { Attendee } from '../../domain/application.entity';
import type { Course } from '../../domain/course.entity';
import type { ApplicationRecord, SessionRecord } from '../../infrastructure/enrollments.read-model';

export interface CourseView {
  id: string;
  code: string;
  title: string;
  kind: 'classroom' | 'elearning';
  qaEligible: boolean;
}

export interface SessionView {
  id: string;
  courseId: string;
  course: { code: string; title: string; kind: 'classroom' | 'elearning'; qaEligible: boolean };
  date: string;
  venue: string | null;
  accessStart: string | null;
  accessEnd: string | null;
  capacity: number | null;
  seatsTaken: number;
  seatsLeft: number | null;
  status: 'draft' | 'open' | 'closed';
  cancellationDeadline: string;
}

export interface QaView {
  entitled: boolean;
  endsAt: string;
  lastDay: string;
}

export interface AttendeeView {
  id: string;
  kind: 'self' | 'staff' | 'member';
  userId: string | null;
  name: string | null;
  nameKana: string | null;
  email: string | null;
  status: 'received' | 'confirmed' | 'completed' | 'cancelled';
  ticketNumber: string | null;
  certificateNumber: string | null;
  confirmedAt: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
  qa: QaView | null;
}

export interface ApplicationView {
  id: string;
  number: string;
  sessionId: string;
  session: SessionView;
  applicant: { userId: string; type: 'individual' | 'corporate' | 'group'; name: string | null };
  channel: 'web' | 'paper';
  createdAt: string;
  attendees: AttendeeView[];
}

export type SessionAttendeeView = AttendeeView & {
  applicationId: string;
  applicationNumber: string;
  applicant: { userId: string; name: string | null };
};

export type SessionDetailView = SessionView & { attendees: SessionAttendeeView[] };

export type CourseWithSessionsView = CourseView & { sessions: SessionView[] };

export function toCourseView(course: Course): CourseView {
  return {
    id: course.id,
    code: course.code,
    title: course.title,
    kind: course.kind,
    qaEligible: course.qaEligible,
  };
}

export function toSessionView({ session, course, seatsTaken }: SessionRecord): SessionView {
  return {
    id: session.id,
    courseId: course.id,
    course: {
      code: course.code,
      title: course.title,
      kind: course.kind,
      qaEligible: course.qaEligible,
    },
    date: session.date,
    venue: session.venue,
    accessStart: session.accessStart,
    accessEnd: session.accessEnd,
    capacity: session.capacity,
    seatsTaken,
    seatsLeft: session.seatsLeft(seatsTaken),
    status: session.status,
    cancellationDeadline: session.cancellationDeadline.toISOString(),
  };
}

/** `qa` is shown for a QA-eligible course only; entitled while confirmed or completed and in term. */
export function toAttendeeView(attendee: Attendee, record: SessionRecord, now: Date): AttendeeView {
  const qa = record.course.qaEligible ? record.session.qaEntitlement().view(now) : null;
  const holds = attendee.status === 'confirmed' || attendee.status === 'completed';
  return {
    id: attendee.id,
    kind: attendee.kind,
    userId: attendee.userId,
    name: attendee.name,
    nameKana: attendee.nameKana,
    email: attendee.email,
    status: attendee.status,
    ticketNumber: attendee.ticketNumber,
    certificateNumber: attendee.certificateNumber,
    confirmedAt: attendee.confirmedAt?.toISOString() ?? null,
    completedAt: attendee.completedAt?.toISOString() ?? null,
    cancelledAt: attendee.cancelledAt?.toISOString() ?? null,
    qa: qa && { ...qa, entitled: holds && qa.entitled },
  };
}

export function toApplicationView(record: ApplicationRecord, now: Date): ApplicationView {
  const { application } = record;
  return {
    id: application.id,
    number: application.number,
    sessionId: application.sessionId,
    session: toSessionView(record.session),
    applicant: {
      userId: application.applicantUserId,
      type: application.applicantType,
      name: application.applicantName,
    },
    channel: application.channel,
    createdAt: application.createdAt.toISOString(),
    attendees: record.attendees.map((attendee) => toAttendeeView(attendee, record.session, now)),
  };
}
