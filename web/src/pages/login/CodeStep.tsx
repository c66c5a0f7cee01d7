import type { LoginResponse } from '../../api/client';
import type { Problem } from '../../api/problems';
import { Field } from '../../components/Field';
import { FormProblems } from '../../components/FormProblems';
import { StepHeading } from '../../components/StepHeading';
import { useI18n } from '../../i18n/i18n';
import { useCodeSubmission } from './second-step';

export function CodeStep({
  challengeToken,
  onAnswer,
  onRestart,
}: {
  challengeToken: string;
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
      <StepHeading>{t('code.title')}</StepHeading>
      <FormProblems problems={problems} />
      <p className="lead">{t('code.intro')}</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Field
          name="code"
          label={t('code.label')}
          value={code}
          onValueChange={setCode}
          hint={t('code.recoveryHint')}
          required
          halfWidthOnly
          autoComplete="one-time-code"
          autoCapitalize="off"
          spellCheck={false}
          problems={problems}
        />
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('code.submit')}
          </button>
          <button type="button" className="button button--link" onClick={() => onRestart()}>
            {t('code.restart')}
          </button>
        </div>
      </form>
    </section>
  );
}
