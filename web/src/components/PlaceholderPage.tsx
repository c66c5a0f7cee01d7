import { Link } from 'react-router';
import { StepHeading } from './StepHeading';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/ja';

/** A page whose flow is not built yet: its route exists so that links to it work. */
export function PlaceholderPage({ title, text }: { title: MessageKey; text: MessageKey }) {
  const { t } = useI18n();
  return (
    <section className="card">
      <StepHeading>{t(title)}</StepHeading>
      <p>{t(text)}</p>
      <p>
        <Link to="/login">{t('app.toLogin')}</Link>
      </p>
    </section>
  );
}
