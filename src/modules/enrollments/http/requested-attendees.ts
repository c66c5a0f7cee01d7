import { ValidationFailedError } from '@app/platform';
import type { RequestedAttendee } from '../application/commands/apply-for-seats/apply-for-seats.command';
import type { RequestedAttendeeDto } from './enrollments.dto';

const FIELDS_BY_KIND = {
  self: [],
  staff: ['name', 'nameKana', 'email'],
  member: ['userId'],
} as const;
const ALL_FIELDS = ['name', 'nameKana', 'email', 'userId'] as const;

/** Each kind takes exactly its own fields: a missing one is required, another kind's is refused. */
export function requestedAttendees(attendees: RequestedAttendeeDto[]): RequestedAttendee[] {
  const fields: Record<string, string[]> = {};
  attendees.forEach((attendee, i) => {
    const own: readonly string[] = FIELDS_BY_KIND[attendee.kind];
    for (const field of ALL_FIELDS) {
      const given = attendee[field] !== undefined;
      if (own.includes(field) && !given) fields[`attendees.${i}.${field}`] = ['required'];
      if (!own.includes(field) && given)
        fields[`attendees.${i}.${field}`] = [`not_applicable_to_${attendee.kind}`];
    }
  });
  if (Object.keys(fields).length > 0) throw new ValidationFailedError({ fields });
  return attendees.map((attendee): RequestedAttendee => {
    if (attendee.kind === 'staff')
      return {
        kind: 'staff',
        name: attendee.name as string,
        nameKana: attendee.nameKana as string,
        email: attendee.email as string,
      };
    if (attendee.kind === 'member') return { kind: 'member', userId: attendee.userId as string };
    return { kind: 'self' };
  });
}
