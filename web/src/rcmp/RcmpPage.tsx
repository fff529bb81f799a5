import { useMemo, useState } from 'react';
import type { CaseView, Me, NameMaps } from '../../../functions/src/domain/contracts/types';
import type { CpeItem } from '../../../functions/src/domain/model/case';
import { canDecideCpe } from '../app/roles';
import { hrefFor } from '../app/route';
import { useCasePages } from '../cases/useCasePages';
import type { ShownError } from '../data/describeError';
import { FormOk } from '../forms/FormFeedback';
import { useRequestSubmit } from '../forms/useRequestSubmit';
import { formatDate } from '../format/time';
import { t, tOr } from '../i18n/t';
import './rcmp.css';

/** One collected item waiting for the desk, with what it needs to decide and to find the case. */
interface QueueItem {
  key: string;
  caseId: string;
  accountNumber: string;
  customerName: string;
  drcName: string | null;
  roName: string | null;
  item: CpeItem;
}

interface Decision {
  approved: boolean;
  reason: string | null;
}

/** The basket's approvals tab: cases with an item collected and not yet decided (domain/jobBasket/basket.ts). */
const QUEUE = { tab: 'approvals', sort: 'statusSince' } as const;
const REASON_MAX = 1000;

function waitingItems(cases: CaseView[], names: NameMaps): QueueItem[] {
  return cases.flatMap((c) =>
    (c.cpe ?? [])
      .filter((item) => item.status === 'collected')
      .map((item) => ({
        key: `${c.id}/${item.itemId}`,
        caseId: c.id,
        accountNumber: c.accountNumber,
        customerName: c.customer.name,
        drcName: c.drcId ? (names.drcs[c.drcId] ?? c.drcId) : null,
        roName: c.roId ? (names.users[c.roId] ?? c.roId) : null,
        item,
      })),
  );
}

/** Oldest collection first: the queue is worked in the order items came in. */
const byCollection = (a: QueueItem, b: QueueItem) =>
  (a.item.collectedAt ?? '').localeCompare(b.item.collectedAt ?? '') || a.key.localeCompare(b.key);

/** A refusal in the user's language where we know its reason; the server's own words otherwise. */
function refusalText(error: ShownError): string {
  return error.code ? tOr(`rcmp.refusal.${error.code}`, error.message) : error.message;
}

function ItemCard({
  entry,
  canDecide,
  decision,
  onDecided,
}: {
  entry: QueueItem;
  canDecide: boolean;
  decision: Decision | undefined;
  onDecided(decision: Decision): void;
}) {
  const { item } = entry;
  const id = `cpe-${entry.caseId}-${item.itemId}`;
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const { state, submit } = useRequestSubmit();
  const failed = state.status === 'failed' ? state.error : null;
  const serverReasonError = failed?.code === 'reason-required' ? refusalText(failed) : failed?.fields.reason;
  const shownReasonError = reasonError ?? serverReasonError ?? null;

  const decide = async (approved: boolean) => {
    const text = reason.trim();
    if (!approved && !text) {
      setReasonError(t('rcmp.reasonRequired'));
      return;
    }
    if (text.length > REASON_MAX) {
      setReasonError(t('rcmp.reasonTooLong', { max: REASON_MAX }));
      return;
    }
    setReasonError(null);
    const inputs = { itemId: item.itemId, approved, ...(text ? { reason: text } : {}) };
    // No expectedRev: the decision concerns one item, and the life cycle refuses it if that item is no longer
    // waiting; a case-wide revision would refuse the second of two items of one case decided in a row.
    const applied = await submit({
      type: 'caseAction',
      caseId: entry.caseId,
      payload: { action: 'decideCpe', result: 'decided', inputs },
    });
    if (applied) onDecided({ approved, reason: text || null });
  };

  const pending = state.status === 'pending';
  const details: [string, string | null | undefined][] = [
    [t('rcmp.customer'), entry.customerName],
    [t('rcmp.collectedOn'), item.collectedOn ? formatDate(item.collectedOn) : formatDate(item.collectedAt)],
    [t('rcmp.condition'), item.condition],
    [t('rcmp.location'), item.location],
    [t('rcmp.photo'), item.photoRef],
    [t('case.drc'), entry.drcName],
    [t('case.ro'), entry.roName],
  ];
  return (
    <li className="cpe-card card" data-testid={`cpe-item-${item.itemId}`}>
      <h2 id={`${id}-title`} className="cpe-card-title">
        {item.kind} <span className="hint">{item.serialNumber}</span>
      </h2>
      <p className="cpe-card-case">
        <a href={hrefFor({ page: 'case', caseId: entry.caseId })}>
          {t('case.account', { account: entry.accountNumber })}
        </a>
      </p>
      <dl className="cpe-card-details">
        {details
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div className="kv" key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      {decision ? (
        <FormOk
          text={
            decision.approved
              ? t('rcmp.approvedNote')
              : t('rcmp.rejectedNote', { reason: decision.reason ?? t('case.none') })
          }
        />
      ) : canDecide ? (
        <div role="group" aria-labelledby={`${id}-title`} className="cpe-decision">
          <div className={`field${shownReasonError ? ' field-invalid' : ''}`}>
            <label htmlFor={`${id}-reason`}>
              {t('rcmp.reason')} <span className="optional">{t('rcmp.reasonHint')}</span>
            </label>
            <textarea
              id={`${id}-reason`}
              data-testid={`cpe-reason-${item.itemId}`}
              rows={2}
              maxLength={REASON_MAX}
              value={reason}
              aria-invalid={shownReasonError ? true : undefined}
              aria-describedby={shownReasonError ? `${id}-reason-error` : undefined}
              onChange={(e) => {
                setReason(e.target.value);
                setReasonError(null);
              }}
            />
            {shownReasonError && (
              <p className="field-error" id={`${id}-reason-error`} data-testid={`cpe-reason-error-${item.itemId}`}>
                {shownReasonError}
              </p>
            )}
          </div>
          {failed && failed.code !== 'reason-required' && (
            <div className="form-error" role="alert" data-testid={`cpe-error-${item.itemId}`}>
              <p>{refusalText(failed)}</p>
            </div>
          )}
          <div className="row-buttons">
            <button
              type="button"
              data-testid={`cpe-approve-${item.itemId}`}
              disabled={pending}
              onClick={() => void decide(true)}
            >
              {pending ? t('form.pending') : t('rcmp.approve')}
              <span className="visually-hidden"> {item.kind}</span>
            </button>
            <button
              type="button"
              className="secondary danger"
              data-testid={`cpe-reject-${item.itemId}`}
              disabled={pending}
              onClick={() => void decide(false)}
            >
              {t('rcmp.reject')}
              <span className="visually-hidden"> {item.kind}</span>
            </button>
          </div>
        </div>
      ) : null}
    </li>
  );
}

/**
 * The RCMP desk's queue: every collected CPE item waiting for a decision on the cases the caller
 * may see, each approved or rejected (with a reason) in place through the case's `decideCpe` action.
 * Items decided here stay on screen with their outcome until the page is left, so the desk sees what it did.
 */
export function RcmpPage({ me }: { me: Me }) {
  const pages = useCasePages(QUEUE);
  const canDecide = canDecideCpe(me);
  const [decided, setDecided] = useState<Record<string, { entry: QueueItem; decision: Decision }>>({});
  const waiting = useMemo(() => waitingItems(pages.cases, pages.names), [pages.cases, pages.names]);
  const shown = useMemo(() => {
    const keys = new Set(waiting.map((w) => w.key));
    return [...waiting, ...Object.values(decided).flatMap(({ entry }) => (keys.has(entry.key) ? [] : [entry]))].sort(
      byCollection,
    );
  }, [waiting, decided]);
  const open = shown.filter((e) => !decided[e.key]).length;

  return (
    <section aria-labelledby="rcmp-title" className="rcmp-page" data-testid="rcmp-page">
      <h1 id="rcmp-title">{t('rcmp.title')}</h1>
      <p className="hint">{t(canDecide ? 'rcmp.intro' : 'rcmp.readOnly')}</p>
      {pages.error && (
        <p className="form-error" role="alert" data-testid="rcmp-error">
          {pages.error.message}
        </p>
      )}
      {pages.loading && !pages.error ? (
        <p role="status" className="loading">
          {t('rcmp.loading')}
        </p>
      ) : (
        <>
          <p role="status" data-testid="rcmp-count">
            {t('rcmp.count', { count: open })}
          </p>
          {shown.length === 0 && !pages.error && <p data-testid="rcmp-empty">{t('rcmp.none')}</p>}
          <ul className="cpe-queue">
            {shown.map((entry) => (
              <ItemCard
                key={entry.key}
                entry={entry}
                canDecide={canDecide}
                decision={decided[entry.key]?.decision}
                onDecided={(decision) => setDecided((all) => ({ ...all, [entry.key]: { entry, decision } }))}
              />
            ))}
          </ul>
          {pages.hasMore && (
            <button type="button" className="secondary load-more" disabled={pages.loadingMore} onClick={pages.loadMore}>
              {pages.loadingMore ? t('cases.loadingMore') : t('rcmp.loadMore')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
