import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { currentLanguage, rememberLanguage, type Language } from './language';
import { messages, type MessageKey } from './messages';

const VIETNAM = 'Asia/Ho_Chi_Minh';

export interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  t(key: MessageKey, vars?: Record<string, string | number | undefined>): string;
  /** A key built from an API value (an enum), falling back to the value itself. */
  tv(prefix: string, value: string | undefined): string;
  dateTime(instant: string | undefined): string;
  date(localDate: string | undefined): string;
  localDateTime(value: string | undefined): string;
  number(value: number | undefined): string;
}

const Context = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(currentLanguage());
  const setLanguage = useCallback((next: Language) => {
    rememberLanguage(next);
    setLanguageState(next);
  }, []);
  const value = useMemo(() => makeI18n(language, setLanguage), [language, setLanguage]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(Context);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}

function makeI18n(language: Language, setLanguage: (l: Language) => void): I18n {
  const index = language === 'vi' ? 0 : 1;
  const locale = language === 'vi' ? 'vi-VN' : 'en-GB';
  const dateTimeFormat = new Intl.DateTimeFormat(locale, {
    timeZone: VIETNAM,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
  const numberFormat = new Intl.NumberFormat(locale);
  const t = (key: MessageKey, vars?: Record<string, string | number | undefined>) => {
    let text: string = messages[key]?.[index] ?? key;
    if (vars) {
      for (const [name, value] of Object.entries(vars)) text = text.replaceAll(`{${name}}`, String(value ?? ''));
    }
    return text;
  };
  return {
    language,
    setLanguage,
    t,
    tv: (prefix, value) => {
      if (!value) return '';
      const key = `${prefix}_${value}` as MessageKey;
      return key in messages ? t(key) : value;
    },
    dateTime: (instant) => (instant ? dateTimeFormat.format(new Date(instant)) : ''),
    // A LocalDate is a calendar day in Vietnam already: only its order changes (dd/MM/yyyy).
    date: (localDate) => (localDate ? localDate.split('-').reverse().join('/') : ''),
    localDateTime: (value) => {
      if (!value) return '';
      const [day, time] = value.split('T');
      return `${day.split('-').reverse().join('/')} ${time.slice(0, 5)}`;
    },
    number: (value) => (value === undefined ? '' : numberFormat.format(value)),
  };
}

/** Today in Vietnam, as a LocalDate (yyyy-MM-dd). */
export function todayInVietnam(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: VIETNAM }).format(new Date());
}

/** Now in Vietnam as a LocalDateTime (yyyy-MM-ddTHH:mm), for the duty API. */
export function nowInVietnam(): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: VIETNAM,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(new Date());
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour') === '24' ? '00' : get('hour')}:${get('minute')}`;
}

/** Days from today (Vietnam) to a LocalDate: negative when past. */
export function daysUntil(localDate: string): number {
  const today = Date.parse(todayInVietnam() + 'T00:00:00Z');
  return Math.round((Date.parse(localDate + 'T00:00:00Z') - today) / 86_400_000);
}

/** Diacritic-insensitive comparison for searches done in the page ("Khánh Hòa" = "khanh hoa"). */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}
