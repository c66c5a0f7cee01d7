import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { api } from '../../api/client';
import { problemsOf } from '../../api/problems';
import { Disclosure } from '../../components/Disclosure';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { FormProblems } from '../../components/FormProblems';
import { PasswordField } from '../../components/CommonFields';
import { Section } from '../../components/Section';
import { StepHeading } from '../../components/StepHeading';
import { useSubmission } from '../../components/use-submission';
import { useI18n } from '../../i18n/i18n';

/**
 * New recovery codes for an enrolled account (password and a current code). They are shown this
 * once, until the user says they are saved; every older code stops working.
 */
export function RecoveryCodesSection() {
  const { t } = useI18n();
  const [remaining, setRemaining] = useState<number | null>(null);
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const submission = useSubmission();

  useEffect(() => {
    let current = true;
    void api.GET('/api/v1/me/two-factor').then(({ data }) => {
      if (current && data?.enrolled) setRemaining(data.recoveryCodesRemaining);
    });
    return () => {
      current = false;
    };
  }, []);

  if (remaining === null) return null;

  const toggle = (next: boolean) => {
    setOpen(next);
    setPassword('');
    setCode('');
    submission.clear();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let issued: string[] = [];
    const ok = await submission.run(async () => {
      const { data, error } = await api.POST('/api/v1/me/two-factor/recovery-codes', {
        body: { password, code: code.trim() },
      });
      if (!data) return problemsOf(error);
      issued = data.recoveryCodes;
      return null;
    });
    if (!ok) return;
    toggle(false);
    setCodes(issued);
    setRemaining(issued.length);
  };

  return (
    <Section title={t('recoveryCodesRenewal.title')}>
      <dl className="summary">
        <div className="summary__row">
          <dt>{t('recoveryCodesRenewal.remaining')}</dt>
          <dd>{remaining}</dd>
        </div>
      </dl>
      {codes ? (
        <div className="alert alert--info">
          <StepHeading level={2}>{t('recoveryCodes.title')}</StepHeading>
          <p>{t('recoveryCodes.intro')}</p>
          <ul className="recovery-codes" aria-label={t('recoveryCodes.listLabel')}>
            {codes.map((one) => (
              <li key={one}>
                <code>{one}</code>
              </li>
            ))}
          </ul>
          <button type="button" className="button button--primary" onClick={() => setCodes(null)}>
            {t('recoveryCodesRenewal.close')}
          </button>
        </div>
      ) : (
        <>
          <p>{t('recoveryCodesRenewal.intro')}</p>
          <Disclosure label={t('recoveryCodesRenewal.open')} open={open} onOpenChange={toggle}>
            <FormProblems problems={submission.problems} />
            <form onSubmit={(event) => void submit(event)} noValidate>
              <PasswordField
                name="password"
                label={t('twoFactor.password')}
                value={password}
                onValueChange={setPassword}
                problems={submission.problems}
              />
              <Field
                name="code"
                label={t('twoFactor.code')}
                value={code}
                onValueChange={setCode}
                required
                halfWidthOnly
                autoComplete="one-time-code"
                problems={submission.problems}
              />
              <FormActions
                submitLabel={t('recoveryCodesRenewal.submit')}
                busy={submission.busy}
                onCancel={() => toggle(false)}
              />
            </form>
          </Disclosure>
        </>
      )}
    </Section>
  );
}
