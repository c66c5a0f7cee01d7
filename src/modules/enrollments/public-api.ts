// Nothing depends on enrollments yet; its events are public so that another context could react.
export {
  ApplicationReceived,
  AttendeeCancelled,
  AttendeeCompleted,
  AttendeeConfirmed,
  CourseChanged,
  CourseCreated,
  QaReminderDue,
  SessionClosed,
  SessionOpened,
  SessionScheduled,
} from './domain/enrollments.events';
export type {
  ApplicationReceivedPayload,
  AttendeeCancelledPayload,
  AttendeeCompletedPayload,
  AttendeeConfirmedPayload,
  CourseChangedPayload,
  CourseCreatedPayload,
  QaReminderDuePayload,
  SessionScheduledPayload,
  SessionStatusChangePayload,
} from './domain/enrollments.events';
