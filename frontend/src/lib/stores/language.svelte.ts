// The UI language: the saved choice, else the OS language from the backend, else the webview's.
import * as api from '../api/app';
import { LANGS, Translator, langFromLocale, type Lang } from '../i18n/translator.svelte';

export const LANG_STORAGE_KEY = 'chatmembers.lang';

function saved(): Lang | null {
  try {
    const v = localStorage.getItem(LANG_STORAGE_KEY);
    return LANGS.includes(v as Lang) ? (v as Lang) : null;
  } catch {
    return null;
  }
}

export class LanguageStore {
  readonly i18n: Translator;

  constructor(i18n = new Translator(langFromLocale(globalThis.navigator?.language))) {
    this.i18n = i18n;
  }

  get lang(): Lang {
    return this.i18n.lang;
  }

  async init(): Promise<void> {
    const choice = saved();
    if (choice) {
      this.apply(choice);
      return;
    }
    try {
      this.apply(langFromLocale(await api.language()));
    } catch {
      this.apply(this.i18n.lang);
    }
  }

  /** set switches the language and remembers the choice. */
  set(lang: Lang): void {
    this.apply(lang);
    try {
      localStorage.setItem(LANG_STORAGE_KEY, lang);
    } catch {
      // storage unavailable: the choice lasts until the app closes
    }
  }

  private apply(lang: Lang): void {
    this.i18n.lang = lang;
    if (typeof document !== 'undefined') document.documentElement.lang = lang;
  }
}
