import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import type { Schemas } from '../../api/client';
import { problemsOf } from '../../api/problems';
import { FormProblems } from '../../components/FormProblems';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Section';
import { useSubmission } from '../../components/use-submission';
import { useI18n } from '../../i18n/i18n';
import type { Language } from '../../i18n/i18n';

type Session = Schemas['SessionDto'];

/** A person's name for a browser: its family and the system it runs on, from the user agent. */
function browserOf(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const family =
    [/Edg\//, /OPR\//, /Firefox\//, /Chrome\//, /Safari\//]
      .map((pattern, i) => (pattern.test(userAgent) ? i : -1))
      .filter((i) => i >= 0)
      .map((i) => ['Edge', 'Opera', 'Firefox', 'Chrome', 'Safari'][i])[0] ?? null;
  const system = [
    [/iPhone|iPad/, 'iOS'],
    [/Android/, 'Android'],
    [/Windows/, 'Windows'],
    [/Mac OS X/, 'macOS'],
    [/Linux/, 'Linux'],
  ].find(([pattern]) => (pattern as RegExp).test(userAgent))?.[1] as string | undefined;
  return [family, system].filter(Boolean).join(' / ') || userAgent.slice(0, 60);
}

function when(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Tokyo',
  }).format(new Date(iso));
}

/** The account's live sessions, each with 「このセッションをログアウト」. */
export function SessionsSection() {
  const { t, language } = useI18n();
  const navigate = useNavigate();
  const [sessions, setSessions] = useState<Session[] | null>(null);
  const [ended, setEnded] = useState(false);
  const submission = useSubmission();

  const [version, setVersion] = useState(0);
  useEffect(() => {
    let current = true;
    void api.GET('/api/v1/auth/sessions').then(({ data }) => {
      if (current && data) setSessions(data);
    });
    return () => {
      current = false;
    };
  }, [version]);

  const end = async (session: Session) => {
    setEnded(false);
    const ok = await submission.run(async () => {
      const { error, response } = await api.DELETE('/api/v1/auth/sessions/{id}', {
        params: { path: { id: session.id } },
      });
      return response.ok ? null : problemsOf(error);
    });
    if (!ok) return;
    if (session.current) {
      void navigate('/login', { state: { loggedOut: true } });
      return;
    }
    setVersion((v) => v + 1);
    setEnded(true);
  };

  if (!sessions) return null;
  const unknown = t('sessions.unknown');
  return (
    <Section title={t('sessions.title')}>
      <p>{t('sessions.intro')}</p>
      <FormProblems problems={submission.problems} />
      {ended ? <Notice>{t('sessions.ended')}</Notice> : null}
      <ul className="sessions" aria-label={t('sessions.listLabel')}>
        {sessions.map((session) => {
          const name = session.current ? t('sessions.current') : t('sessions.other');
          return (
            <li key={session.id} className="sessions__item">
              <h3 id={`session-${session.id}`} className="sessions__name">
                {name}
              </h3>
              <dl className="summary">
                <div className="summary__row">
                  <dt>{t('sessions.browser')}</dt>
                  <dd>{browserOf(session.userAgent) ?? unknown}</dd>
                </div>
                <div className="summary__row">
                  <dt>{t('sessions.ip')}</dt>
                  <dd>{session.clientIp ?? unknown}</dd>
                </div>
                <div className="summary__row">
                  <dt>{t('sessions.loggedInAt')}</dt>
                  <dd>{when(session.createdAt, language)}</dd>
                </div>
                <div className="summary__row">
                  <dt>{t('sessions.lastSeenAt')}</dt>
                  <dd>{when(session.lastSeenAt, language)}</dd>
                </div>
              </dl>
              <button
                type="button"
                className="button button--secondary"
                disabled={submission.busy}
                aria-describedby={`session-${session.id}`}
                onClick={() => void end(session)}
              >
                {t('sessions.logOutThis')}
              </button>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
