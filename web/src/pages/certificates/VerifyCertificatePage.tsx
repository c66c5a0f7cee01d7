import { useState } from 'react';
import type { FormEvent } from 'react';
import { enrollmentsApi } from '../../api/enrollments';
import type { CertificateCheck } from '../../api/enrollments';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { FormProblems } from '../../components/FormProblems';
import { Section } from '../../components/Section';
import { StepHeading } from '../../components/StepHeading';
import { useSubmission } from '../../components/use-submission';
import { formatDate } from '../../i18n/dates';
import { useI18n } from '../../i18n/i18n';

/** The public check of a completion certificate by its number (修了証の確認). */
export function VerifyCertificatePage() {
  const { t, language } = useI18n();
  const [number, setNumber] = useState('');
  const [found, setFound] = useState<CertificateCheck | null>(null);
  const submission = useSubmission();
  const check = async (event: FormEvent) => {
    event.preventDefault();
    setFound(null);
    await submission.run(async () => {
      const result = await enrollmentsApi.verifyCertificate(number.trim().toUpperCase());
      if ('problems' in result) return result.problems;
      setFound(result.data);
      return null;
    });
  };
  return (
    <div className="stack">
      <section className="card">
        <StepHeading>{t('certificate.title')}</StepHeading>
        <p>{t('certificate.intro')}</p>
        <FormProblems problems={submission.problems} />
        <form onSubmit={(event) => void check(event)} noValidate>
          <Field
            name="number"
            label={t('certificate.number')}
            hint={t('certificate.numberHint')}
            value={number}
            onValueChange={setNumber}
            halfWidthOnly
            required
            autoComplete="off"
            problems={submission.problems}
          />
          <FormActions submitLabel={t('certificate.check')} busy={submission.busy} />
        </form>
      </section>
      {found ? (
        <Section title={t('certificate.resultTitle')}>
          <p role="status" className="alert alert--success">
            {t('certificate.valid')}
          </p>
          <dl className="summary">
            <div className="summary__row">
              <dt>{t('certificate.number')}</dt>
              <dd>{found.number}</dd>
            </div>
            <div className="summary__row">
              <dt>{t('certificate.course')}</dt>
              <dd>
                {found.courseTitle} ({found.courseCode})
              </dd>
            </div>
            <div className="summary__row">
              <dt>{t('courses.date')}</dt>
              <dd>{formatDate(found.date, language)}</dd>
            </div>
            <div className="summary__row">
              <dt>{t('certificate.holder')}</dt>
              <dd>{found.holderName ?? t('certificate.holderErased')}</dd>
            </div>
          </dl>
        </Section>
      ) : null}
    </div>
  );
}
