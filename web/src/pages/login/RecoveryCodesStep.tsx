import { useState } from 'react';
import { StepHeading } from '../../components/StepHeading';
import { useI18n } from '../../i18n/i18n';

/** The recovery codes, shown this once; the user confirms having saved them before going on. */
export function RecoveryCodesStep({ codes, onDone }: { codes: string[]; onDone(): void }) {
  const { t } = useI18n();
  const [saved, setSaved] = useState(false);
  return (
    <section className="card">
      <StepHeading>{t('recoveryCodes.title')}</StepHeading>
      <p className="lead">{t('recoveryCodes.intro')}</p>
      <ul className="recovery-codes" aria-label={t('recoveryCodes.listLabel')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <div className="checkbox">
        <input
          id="recovery-codes-saved"
          type="checkbox"
          checked={saved}
          onChange={(event) => setSaved(event.target.checked)}
        />
        <label htmlFor="recovery-codes-saved">{t('recoveryCodes.saved')}</label>
      </div>
      <button type="button" className="button button--primary" disabled={!saved} onClick={onDone}>
        {t('recoveryCodes.continue')}
      </button>
    </section>
  );
}
