/** `npm run docs:lifecycles`: writes docs/lifecycles/ from the shipped configurations (a test checks it is current). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHIPPED_CASE_TYPES } from '../functions/src/domain/lifecycle/configs';
import { caseTypeIndexMarkdown, caseTypeMarkdown } from '../functions/src/domain/lifecycle/markdown';

const dir = join(__dirname, '..', 'docs', 'lifecycles');
mkdirSync(dir, { recursive: true });
for (const config of SHIPPED_CASE_TYPES) writeFileSync(join(dir, `${config.id}.md`), caseTypeMarkdown(config));
writeFileSync(join(dir, 'README.md'), caseTypeIndexMarkdown(SHIPPED_CASE_TYPES));
console.log(`wrote ${SHIPPED_CASE_TYPES.length} case types to docs/lifecycles/`);
