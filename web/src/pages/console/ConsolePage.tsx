import { useEffect, useState } from 'react';
import { Link, NavLink, Route, Routes } from 'react-router';
import { api } from '../../api/client';
import { networkProblem } from '../../api/network';
import { problemsOf } from '../../api/problems';
import type { Problem } from '../../api/problems';
import { FormProblems } from '../../components/FormProblems';
import { StepHeading } from '../../components/StepHeading';
import { useI18n } from '../../i18n/i18n';
import { AccountPage } from './AccountPage';
import { AccountsPage } from './AccountsPage';
import { FailedMailsPage } from './FailedMailsPage';
import { GroupPage } from './GroupPage';
import { InboxPage } from './InboxPage';
import { RegisterCustomerPage } from './RegisterCustomerPage';
import { RequestPage } from './RequestPage';
import { WithdrawalsPage } from './WithdrawalsPage';
import { CoursesConsolePage } from './enrollments/CoursesConsolePage';
import { CustomerApplicationsPage } from './enrollments/CustomerApplicationsPage';
import { PaperApplicationPage } from './enrollments/PaperApplicationPage';
import { SessionConsolePage } from './enrollments/SessionConsolePage';

type Access =
  | { state: 'checking' }
  | { state: 'staff' }
  | { state: 'refused'; signedOut: boolean }
  | { state: 'failed'; problems: Problem[] };

/**
 * The support console, for staff (support, admin). Whether the session is staff is asked of the
 * API itself (an /admin endpoint answers 401 or 403 otherwise): a refusal shows no data.
 */
export function ConsolePage() {
  const { t } = useI18n();
  const [access, setAccess] = useState<Access>({ state: 'checking' });
  useEffect(() => {
    let current = true;
    api.GET('/api/v1/admin/support/requests', { params: { query: { pageSize: 1 } } }).then(
      ({ error, response }) => {
        if (!current) return;
        if (response.ok) setAccess({ state: 'staff' });
        else if (response.status === 401 || response.status === 403)
          setAccess({ state: 'refused', signedOut: response.status === 401 });
        else setAccess({ state: 'failed', problems: problemsOf(error) });
      },
      () => current && setAccess({ state: 'failed', problems: [networkProblem] }),
    );
    return () => {
      current = false;
    };
  }, []);

  if (access.state === 'checking') return <p role="status">{t('app.loading')}</p>;
  if (access.state === 'failed') return <FormProblems problems={access.problems} />;
  if (access.state === 'refused')
    return (
      <section className="card">
        <StepHeading>{t('console.title')}</StepHeading>
        <div className="alert alert--error" role="alert">
          <p>{t('console.refused')}</p>
        </div>
        <p>
          {access.signedOut ? (
            <Link to="/login">{t('app.toLogin')}</Link>
          ) : (
            <Link to="/mypage">{t('console.toMyPage')}</Link>
          )}
        </p>
      </section>
    );
  return (
    <div className="stack console">
      <nav className="console-nav" aria-label={t('console.navLabel')}>
        <NavLink to="/console" end>
          {t('console.nav.inbox')}
        </NavLink>
        <NavLink to="/console/accounts">{t('console.nav.accounts')}</NavLink>
        <NavLink to="/console/withdrawals">{t('console.nav.withdrawals')}</NavLink>
        <NavLink to="/console/failed-mails">{t('console.nav.failedMails')}</NavLink>
        <NavLink to="/console/register">{t('console.nav.register')}</NavLink>
        <NavLink to="/console/courses">{t('console.nav.courses')}</NavLink>
        <NavLink to="/console/paper-applications">{t('console.nav.paperApplication')}</NavLink>
        <NavLink to="/console/applications">{t('console.nav.customerApplications')}</NavLink>
      </nav>
      <Routes>
        <Route index element={<InboxPage />} />
        <Route path="requests/:id" element={<RequestPage />} />
        <Route path="accounts" element={<AccountsPage />} />
        <Route path="accounts/:userId" element={<AccountPage />} />
        <Route path="withdrawals" element={<WithdrawalsPage />} />
        <Route path="failed-mails" element={<FailedMailsPage />} />
        <Route path="register" element={<RegisterCustomerPage />} />
        <Route path="groups/:id" element={<GroupPage />} />
        <Route path="courses" element={<CoursesConsolePage />} />
        <Route path="sessions/:sessionId" element={<SessionConsolePage />} />
        <Route path="paper-applications" element={<PaperApplicationPage />} />
        <Route path="applications" element={<CustomerApplicationsPage />} />
      </Routes>
    </div>
  );
}
