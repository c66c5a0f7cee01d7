import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { en } from './en';
import { ja } from './ja';
import type { MessageKey } from './ja';

export type Language = 'ja' | 'en';
const STORAGE_KEY = 'language';
const CATALOGUES: Record<Language, Record<MessageKey, string>> = { ja, en };

/** Japanese first; English only when the visitor chose it (remembered in localStorage). */
export function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ja';
  } catch {
    return 'ja';
  }
}

let current: Language = storedLanguage();

/** The chosen language, for code outside React (the API client's Accept-Language). */
export function currentLanguage(): Language {
  return current;
}

interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  t(key: MessageKey): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(current);
  const setLanguage = useCallback((next: Language) => {
    current = next;
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private windows may refuse storage: the choice then lasts for this page only.
    }
    setLanguageState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = CATALOGUES[language]['app.title'];
  }, [language]);
  const value = useMemo<I18n>(
    () => ({ language, setLanguage, t: (key) => CATALOGUES[language][key] }),
    [language, setLanguage],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
