import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { enrollmentsApi, problemsOrNull } from '../../../api/enrollments';
import { Field } from '../../../components/Field';
import { FormActions } from '../../../components/FormActions';
import { FormProblems } from '../../../components/FormProblems';
import { Notice } from '../../../components/Notice';
import { Section } from '../../../components/Section';
import { StepHeading } from '../../../components/StepHeading';
import { useI18n } from '../../../i18n/i18n';
import { ApplicationCard } from '../../applications/ApplicationCard';
import { CancelButton } from '../../applications/CancelButton';
import { useLoad } from '../use-load';

/** A customer's applications by user ID, with the staff cancellation (a reason is required). */
export function CustomerApplicationsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const userId = params.get('userId') ?? '';
  const [typed, setTyped] = useState(userId);
  const [cancelled, setCancelled] = useState(0);
  const { loaded, reload } = useLoad(
    async () => (userId ? enrollmentsApi.customerApplications(userId) : { data: { items: [] } }),
    [userId],
  );
  const search = (event: FormEvent) => {
    event.preventDefault();
    setParams(typed.trim() ? { userId: typed.trim() } : {});
  };
  return (
    <>
      <section className="card">
        <StepHeading>{t('console.customerApplicationsTitle')}</StepHeading>
        <form role="search" onSubmit={search} noValidate>
          <Field
            name="userId"
            label={t('myPage.userId')}
            value={typed}
            onValueChange={setTyped}
            halfWidthOnly
            required
            autoComplete="off"
            problems={loaded.state === 'failed' ? loaded.problems : []}
          />
          <FormActions submitLabel={t('console.search')} busy={loaded.state === 'loading'} />
        </form>
      </section>
      {userId ? (
        <Section title={`${t('console.customerApplicationsOf')} ${userId}`}>
          <p>
            <Link to={`/console/accounts/${encodeURIComponent(userId)}`}>
              {t('console.registerToAccount')}
            </Link>
          </p>
          {cancelled > 0 ? <Notice key={cancelled}>{t('applications.cancelled')}</Notice> : null}
          {loaded.state === 'loading' ? <p role="status">{t('app.loading')}</p> : null}
          {loaded.state === 'failed' ? <FormProblems problems={loaded.problems} /> : null}
          {loaded.state === 'ready' && loaded.data.items.length === 0 ? (
            <p>{t('applications.empty')}</p>
          ) : null}
          {loaded.state === 'ready' && loaded.data.items.length > 0 ? (
            <ul className="console-list">
              {loaded.data.items.map((application) => (
                <li key={application.id}>
                  <ApplicationCard
                    application={application}
                    actions={
                      <CancelButton
                        application={application}
                        withReason
                        send={async (attendeeIds, reason) =>
                          problemsOrNull(
                            await enrollmentsApi.staffCancel(application.id, reason, attendeeIds),
                          )
                        }
                        onCancelled={() => {
                          setCancelled((n) => n + 1);
                          reload();
                        }}
                      />
                    }
                  />
                </li>
              ))}
            </ul>
          ) : null}
        </Section>
      ) : null}
    </>
  );
}
