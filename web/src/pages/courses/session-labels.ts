import type { Session } from '../../api/enrollments';
import { formatDate } from '../../i18n/dates';
import type { Language } from '../../i18n/i18n';

/** When and where a session takes place: the date and venue, or the e-learning access period. */
export function sessionWhen(session: Session, language: Language): string {
  if (session.course.kind === 'elearning')
    return `${formatDate(session.accessStart, language)} – ${formatDate(session.accessEnd, language)}`;
  return formatDate(session.date, language);
}

export function sessionWhere(session: Session, elearning: string): string {
  return session.course.kind === 'elearning' ? elearning : (session.venue ?? '—');
}
