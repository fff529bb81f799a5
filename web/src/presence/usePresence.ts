import { useEffect, useState } from 'react';
import { call, type ApiOutput } from '../api/call';

/** Who holds a customer's lease, as the field API's whoIsOnCase answers. */
export type LeaseView = NonNullable<ApiOutput<'whoIsOnCase'>['lease']>;

const DEFAULT_RENEW_MS = 30_000;

/**
 * Live presence on a case page (docs/decisions/0016). A field worker (`hold`: an RO, who records contacts) takes the
 * customer's lease while the page is open, renews it, releases it on leaving; when someone else holds it, keeps
 * asking, so the page frees itself when they leave. Everyone else only watches, so merely reading a case never
 * blocks the RO (an officer who records takes the lease through the API). Returns who else holds it, if anyone.
 */
export function usePresence(caseId: string, hold: boolean): { other: LeaseView | null; paused: boolean } {
  const [other, setOther] = useState<LeaseView | null>(null);
  const [paused, setPaused] = useState(false);
  useEffect(() => {
    let stopped = false;
    let holding = false;
    let watchOnly = !hold;
    let timer: number | undefined;
    const schedule = (ms: number) => {
      if (!stopped) timer = window.setTimeout(() => void tick(), ms);
    };
    const tick = async () => {
      try {
        if (watchOnly) {
          const data = await call('whoIsOnCase', { caseId });
          setOther(data.lease && !data.lease.mine ? data.lease : null);
          return schedule(DEFAULT_RENEW_MS);
        }
        const data = await call(holding ? 'renewCaseLease' : 'acquireCaseLease', { caseId });
        holding = data.acquired;
        setOther(data.acquired ? null : data.lease);
        setPaused(data.refusal === 'hold-limit');
        schedule((data.renewSeconds || DEFAULT_RENEW_MS / 1000) * 1000);
      } catch (error) {
        if ((error as { code?: string }).code === 'functions/permission-denied' && !watchOnly) {
          watchOnly = true;
          return schedule(0);
        }
        schedule(DEFAULT_RENEW_MS);
      }
    };
    const leave = () => {
      if (holding) void call('releaseCaseLease', { caseId }).catch(() => undefined);
      holding = false;
    };
    void tick();
    window.addEventListener('pagehide', leave);
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, [caseId, hold]);
  return { other, paused };
}
