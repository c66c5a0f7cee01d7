import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n';

/** The app shell: skip link, header with the language switch, the main landmark, footer. */
export function Layout({ children }: { children: ReactNode }) {
  const { t, language, setLanguage } = useI18n();
  const other = language === 'ja' ? 'en' : 'ja';
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <Link className="site-header__title" to="/">
          {t('app.title')}
        </Link>
        <button
          type="button"
          className="language-switch"
          lang={other}
          aria-label={t('app.languageSwitchLabel')}
          onClick={() => setLanguage(other)}
        >
          {t('app.languageSwitch')}
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>© {t('app.footer')}</p>
      </footer>
    </>
  );
}
