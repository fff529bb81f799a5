import { useEffect, useSyncExternalStore } from 'react';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES, type Language } from '../../../functions/src/domain/model/languages';

// The languages are the server's list (functions/src/domain/model/languages.ts): one list for both.
export { LANGUAGE_NAMES, LANGUAGES, type Language };

/** The Intl locale each language formats with. */
export const INTL_LOCALE: Record<Language, string> = { en: 'en-LK', si: 'si-LK', ta: 'ta-LK' };

const DEVICE_KEY = 'debtx.language';
const userKey = (uid: string) => `debtx.language.${uid}`;

function stored(key: string): Language | null {
  try {
    const value = globalThis.localStorage?.getItem(key);
    return isLanguage(value) ? value : null;
  } catch {
    // Storage can be blocked (private mode, policies): the language then lasts for the page only.
    return null;
  }
}

function store(key: string, language: Language): void {
  try {
    globalThis.localStorage?.setItem(key, language);
  } catch {
    /* see stored() */
  }
}

let current: Language = stored(DEVICE_KEY) ?? 'en';
let signedInUid: string | null = null;
const listeners = new Set<() => void>();

function apply(language: Language): void {
  if (language === current) return;
  current = language;
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  for (const listener of listeners) listener();
}

export function currentLanguage(): Language {
  return current;
}

/** Switches the language, remembered for this device and, when signed in, for this user. */
export function setLanguage(language: Language): void {
  store(DEVICE_KEY, language);
  if (signedInUid) store(userKey(signedInUid), language);
  apply(language);
}

/** On sign-in: the user's own choice wins over the device's. */
export function useLanguageOf(uid: string | null): void {
  useEffect(() => {
    signedInUid = uid;
    const mine = uid ? stored(userKey(uid)) : null;
    if (mine) apply(mine);
    else if (uid) store(userKey(uid), current);
  }, [uid]);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Re-renders the caller when the language changes (the App root uses it, so every screen follows). */
export function useLanguage(): Language {
  return useSyncExternalStore(subscribe, currentLanguage, currentLanguage);
}

if (typeof document !== 'undefined') document.documentElement.lang = current;
