import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHIPPED_CASE_TYPES } from '../../src/domain/lifecycle/configs';
import { caseTypeIndexMarkdown, caseTypeMarkdown } from '../../src/domain/lifecycle/markdown';

const dir = join(__dirname, '..', '..', '..', 'docs', 'lifecycles');

describe('docs/lifecycles is generated from the configurations and current', () => {
  it.each(SHIPPED_CASE_TYPES.map((c) => [c.id, c] as const))('%s.md', (id, config) => {
    expect(readFileSync(join(dir, `${id}.md`), 'utf8')).toBe(caseTypeMarkdown(config));
  });
  it('README.md', () => {
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe(caseTypeIndexMarkdown(SHIPPED_CASE_TYPES));
  });
});
