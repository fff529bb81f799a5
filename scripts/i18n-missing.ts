/**
 * Lists the English messages a language lacks, as JSON (key → English text), for translators:
 *   npx tsx scripts/i18n-missing.ts si > missing-si.json
 */
import { en, type MessageKey } from '../web/src/i18n/en';
import { si } from '../web/src/i18n/si';
import { ta } from '../web/src/i18n/ta';

const catalogues: Record<string, Partial<Record<MessageKey, string>>> = { si, ta };
const language = process.argv[2] ?? 'si';
const catalogue = catalogues[language];
if (!catalogue) {
  console.error(`unknown language ${language} (si, ta)`);
  process.exit(2);
}
const missing = (Object.keys(en) as MessageKey[]).filter((k) => !catalogue[k]);
console.log(JSON.stringify(Object.fromEntries(missing.map((k) => [k, en[k]])), null, 2));
