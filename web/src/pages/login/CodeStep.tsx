import { useState } from 'react';
import type { FormEvent } from 'react';
import type { LoginResponse } from '../../api/client';
import type { Problem } from '../../api/problems';
import { Field } from '../../components/Field';
import { FormProblems } from '../../components/FormProblems';
import { StepHeading } from '../../components/StepHeading';
import { useI18n } from '../../i18n/i18n';
import { sendCode } from './second-step';

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
  const [code, setCode] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await sendCode(challengeToken, code);
    setBusy(false);
    if ('answer' in result) onAnswer(result.answer);
    else if (result.restart) onRestart(result.problems);
    else setProblems(result.problems);
  };

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
