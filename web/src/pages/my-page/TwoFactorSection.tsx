import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { api } from '../../api/client';
import type { Schemas } from '../../api/client';
import { networkProblem } from '../../api/network';
import { problemsOf } from '../../api/problems';
import type { Problem } from '../../api/problems';
import { Field } from '../../components/Field';
import { FormProblems } from '../../components/FormProblems';
import { useI18n } from '../../i18n/i18n';

type Status = Schemas['TwoFactorStatusDto'];

/**
 * The FAQ's switch: 二段階認証を「利用する」 on My Page, with the current password. It takes effect
 * at the next login, which shows the QR code. Switching off an enrolled one needs a code too.
 */
export function TwoFactorSection() {
  const { t } = useI18n();
  const [status, setStatus] = useState<Status | null>(null);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [done, setDone] = useState<'on' | 'off' | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    void api.GET('/api/v1/me/two-factor').then(({ data }) => {
      if (current && data) setStatus(data);
    });
    return () => {
      current = false;
    };
  }, []);

  if (!status) return null;
  const turningOn = !status.enabled;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setDone(null);
    try {
      const { data, error } = await api.PUT('/api/v1/me/two-factor', {
        body: { enabled: turningOn, password, ...(turningOn || !code ? {} : { code }) },
      });
      if (data) {
        setStatus(data);
        setPassword('');
        setCode('');
        setProblems([]);
        setDone(turningOn ? 'on' : 'off');
      } else setProblems(problemsOf(error));
    } catch {
      setProblems([networkProblem]);
    } finally {
      setBusy(false);
    }
  };

  const state = !status.enabled
    ? t('twoFactor.off')
    : status.enrolled
      ? t('twoFactor.on')
      : t('twoFactor.onPending');

  return (
    <section className="card" aria-labelledby="two-factor-title">
      <h2 id="two-factor-title">{t('twoFactor.title')}</h2>
      <p>{t('twoFactor.explain')}</p>
      <dl className="summary">
        <div className="summary__row">
          <dt>{t('twoFactor.status')}</dt>
          <dd>{state}</dd>
        </div>
      </dl>
      {done ? (
        <p className="alert alert--success" role="status">
          {done === 'on' ? t('twoFactor.turnedOn') : t('twoFactor.turnedOff')}
        </p>
      ) : null}
      {status.requiredByGroup ? (
        <p>{t('twoFactor.requiredByGroup')}</p>
      ) : (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <FormProblems problems={problems} />
          {turningOn ? <p>{t('twoFactor.nextLogin')}</p> : null}
          <Field
            name="password"
            label={t('twoFactor.password')}
            type="password"
            value={password}
            onValueChange={setPassword}
            required
            halfWidthOnly
            autoComplete="current-password"
            problems={problems}
          />
          {!turningOn && status.enrolled ? (
            <Field
              name="code"
              label={t('twoFactor.code')}
              value={code}
              onValueChange={setCode}
              required
              halfWidthOnly
              autoComplete="one-time-code"
              problems={problems}
            />
          ) : null}
          <button type="submit" className="button button--primary" disabled={busy}>
            {turningOn ? t('twoFactor.turnOn') : t('twoFactor.turnOff')}
          </button>
        </form>
      )}
    </section>
  );
}
