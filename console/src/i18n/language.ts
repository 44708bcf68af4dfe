export type Language = 'vi' | 'en';
const KEY = 'canhgac.language';

/** Vietnamese first; the choice (not a secret) is remembered in this browser. */
export function currentLanguage(): Language {
  return localStorage.getItem(KEY) === 'en' ? 'en' : 'vi';
}

export function rememberLanguage(language: Language) {
  localStorage.setItem(KEY, language);
  document.documentElement.lang = language;
}
