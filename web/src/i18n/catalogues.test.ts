import { describe, expect, it } from 'vitest';
import { en as english } from './en';
import { si as sinhala } from './si';
import { ta as tamil } from './ta';

type Catalogue = Record<string, string | undefined>;
const en = english as Record<string, string>;
const si: Catalogue = sinhala;
const ta: Catalogue = tamil;

/** Placeholders like {count} a text fills in: a translation must keep every one of them. */
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each([
  ['si', si],
  ['ta', ta],
])('the %s catalogue', (language, catalogue) => {
  const texts = catalogue;

  it('has every English key (a missing one would show in English)', () => {
    const missing = Object.keys(en).filter((key) => !texts[key]);
    if (missing.length) console.warn(`${language} lacks ${missing.length} keys: ${missing.join(', ')}`);
    expect(missing).toEqual([]);
  });

  it('has no key English lacks (a typo would never be shown)', () => {
    expect(Object.keys(catalogue).filter((key) => !(key in en))).toEqual([]);
  });

  it('keeps the placeholders of each English text', () => {
    const wrong = Object.entries(en)
      .filter(([key, text]) => texts[key] && placeholders(texts[key]!).join() !== placeholders(text).join())
      .map(([key]) => key);
    expect(wrong).toEqual([]);
  });

  it('is translated rather than copied, apart from names and codes', () => {
    const words = (text: string) => /[a-z]{4}/.test(text.replace(/\{\w+\}/g, '').replace(/Excel|Mermaid/g, ''));
    const sameAsEnglish = Object.entries(en).filter(([key, text]) => texts[key] === text && words(text));
    expect(sameAsEnglish.map(([key]) => key)).toEqual([]);
  });
});
