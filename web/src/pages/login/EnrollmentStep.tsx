import type { LoginResponse } from '../../api/client';
import type { Problem } from '../../api/problems';
import { Field } from '../../components/Field';
import { FormProblems } from '../../components/FormProblems';
import { StepHeading } from '../../components/StepHeading';
import { useI18n } from '../../i18n/i18n';
import { useCodeSubmission } from './second-step';

/** The FAQ's first two-factor login: scan the QR code (or type the key), then enter the code. */
export function EnrollmentStep({
  challengeToken,
  qrCodeDataUrl,
  secret,
  onAnswer,
  onRestart,
}: {
  challengeToken: string;
  qrCodeDataUrl: string;
  secret: string;
  onAnswer(answer: LoginResponse): void;
  onRestart(notice?: Problem[]): void;
}) {
  const { t } = useI18n();
  const { code, setCode, problems, busy, submit } = useCodeSubmission(
    challengeToken,
    onAnswer,
    onRestart,
  );

  return (
    <section className="card">
      <StepHeading>{t('enroll.title')}</StepHeading>
      <FormProblems problems={problems} />
      <p className="lead">{t('enroll.intro')}</p>
      <p>{t('enroll.apps')}</p>
      <div className="enrollment">
        <img
          className="enrollment__qr"
          src={qrCodeDataUrl}
          alt={t('enroll.qrAlt')}
          width={240}
          height={240}
        />
        <div className="enrollment__manual">
          <p>{t('enroll.manual')}</p>
          <p>
            <span className="enrollment__secret-label">{t('enroll.secret')}: </span>
            <code className="enrollment__secret">{secret.replace(/(.{4})(?=.)/g, '$1 ')}</code>
          </p>
        </div>
      </div>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Field
          name="code"
          label={t('enroll.codeLabel')}
          value={code}
          onValueChange={setCode}
          required
          halfWidthOnly
          inputMode="numeric"
          autoComplete="one-time-code"
          problems={problems}
        />
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('enroll.submit')}
          </button>
          <button type="button" className="button button--link" onClick={() => onRestart()}>
            {t('code.restart')}
          </button>
        </div>
      </form>
    </section>
  );
}
