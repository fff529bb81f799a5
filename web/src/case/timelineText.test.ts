import { afterEach, describe, expect, it } from 'vitest';
import type { CaseDetail, TimelineEntry } from '../../../functions/src/domain/contracts/types';
import { debtxTelco } from '../../../functions/src/domain/lifecycle/configs/debtxTelco';
import type { CaseTask } from '../../../functions/src/domain/model/case';
import { setLanguage } from '../i18n/locale';
import { timelineText, todoTitle } from './timelineText';

/** The case page's timeline lines and to-do titles in the reader's language, from codes and values. */
const labelled = (x: { label: string; labels?: { si: string; ta: string } }) => ({
  label: x.label,
  labels: x.labels ?? null,
});
const labels: CaseDetail['labels'] = {
  statuses: Object.fromEntries(debtxTelco.statuses.map((s) => [s.code, labelled(s)])),
  actions: Object.fromEntries(
    debtxTelco.actions.map((a) => [
      a.code,
      { ...labelled(a), results: Object.fromEntries(a.results.map((r) => [r.code, labelled(r)])) },
    ]),
  ),
};

const entry = (action: string, values: TimelineEntry['values'], summary = 'the English summary'): TimelineEntry => ({
  id: 'e1',
  seq: 1,
  at: '2026-12-01T04:00:00.000Z',
  actor: { uid: 'ro1', role: 'ro', displayName: 'RO One' },
  action,
  summary,
  values,
  transitions: [{ from: 'RO_ASSIGNED', to: 'NEGOTIATION', mode: 'followUp' }],
  requestId: 'r1',
});

const instalmentTodo: CaseTask = {
  id: 't1',
  type: 'instalment_overdue',
  label: 'Instalment overdue: contact the customer (instalment 2 due 2026-12-10)',
  baseLabel: 'Instalment overdue: contact the customer',
  labels: { si: 'වාරිකය කල් ඉකුත් වී ඇත: පාරිභෝගිකයා අමතන්න', ta: 'தவணை தாமதமாகியுள்ளது: வாடிக்கையாளரைத் தொடர்புகொள்ளுங்கள்' },
  detail: { kind: 'instalment', seq: 2, date: '2026-12-10' },
  status: 'open',
  raisedAt: '2026-12-14T00:00:00.000Z',
  dueAt: null,
  doneAt: null,
};

afterEach(() => setLanguage('en'));

describe('timeline lines', () => {
  it('names the action, the result and the statuses in Sinhala and Tamil, keeping what the RO wrote', () => {
    const e = entry('recordContact/promised', { note: 'will pay Friday' });
    setLanguage('si');
    expect(timelineText(e, labels, [])).toBe(
      'පාරිභෝගික සම්බන්ධතාවක් සටහන් කරන්න: ගෙවීමට පොරොන්දු වුණා · “will pay Friday” · RO වෙත → සාකච්ඡාව',
    );
    setLanguage('ta');
    expect(timelineText(e, labels, [])).toBe(
      'வாடிக்கையாளர் தொடர்பைப் பதிவுசெய்யுங்கள்: செலுத்துவதாக வாக்களித்தார் · “will pay Friday” · RO இடம் → பேச்சுவார்த்தை',
    );
  });

  it('writes the English line as the server’s summary does', () => {
    const e = entry('recordContact/settlement_agreed', { agreedCents: 1_200_000, instalments: 3, days: 10 });
    expect(timelineText(e, labels, [])).toBe(
      'Record a customer contact: Settlement agreed · settlement LKR 12,000.00 in 3 instalment(s) · 10 days · With RO → Negotiation',
    );
  });

  it('says a manual move and a to-do done in the reader’s language', () => {
    setLanguage('si');
    expect(timelineText({ ...entry('manual:WRITTEN_OFF', {}), transitions: [] }, labels, [])).toBe(
      'අපලේඛනය කළා වෙත ගෙන ගියා',
    );
    expect(
      timelineText({ ...entry('completeTask', { taskId: 't1' }), transitions: [] }, labels, [instalmentTodo]),
    ).toContain('කළ යුතු දේ නිම කළා: වාරිකය කල් ඉකුත් වී ඇත');
  });

  it('falls back to the English summary for events without codes the case type knows', () => {
    setLanguage('ta');
    expect(timelineText(entry('registerCase', {}, 'Registered (DebtX telecom recovery)'), labels, [])).toBe(
      'Registered (DebtX telecom recovery)',
    );
    expect(timelineText(entry('retiredAction/gone', {}, 'Old line'), labels, [])).toBe('Old line');
  });
});

describe('to-do titles', () => {
  it('render the configured label and the monitor’s detail in the reader’s language', () => {
    setLanguage('ta');
    const title = todoTitle(instalmentTodo);
    expect(title.startsWith('தவணை தாமதமாகியுள்ளது: வாடிக்கையாளரைத் தொடர்புகொள்ளுங்கள் (')).toBe(true);
    expect(title).toContain('தவணை 2');
    setLanguage('en');
    expect(todoTitle(instalmentTodo)).toMatch(/^Instalment overdue: contact the customer \(instalment 2 due .+\)$/);
  });

  it('show the English title of a to-do raised before translations', () => {
    setLanguage('si');
    const { labels: _l, baseLabel: _b, detail: _d, ...old } = instalmentTodo;
    expect(todoTitle(old)).toBe(instalmentTodo.label);
  });
});
