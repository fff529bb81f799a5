import { useCallback, useState } from 'react';
import type { Role } from '../../../functions/src/domain/model/roles';
import { roleHasDrc } from '../app/roles';
import type { UpdateUserInput, UserView } from '../../../functions/src/domain/contracts/types';
import { call } from '../api/call';
import { describeError, type ShownError } from '../data/describeError';
import { t } from '../i18n/t';

/** The role and DRC chosen in a row, not saved yet. */
export interface RowDraft {
  role: Role;
  /** '' for none. Kept while a role without a DRC is chosen, in case the choice goes back. */
  drcId: string;
}

export interface RowState {
  /** null while the row shows the user as saved. */
  draft: RowDraft | null;
  pending: boolean;
  error: ShownError | null;
  /** What the last change did, e.g. "Saved." */
  note: string | null;
}

export const IDLE_ROW: RowState = { draft: null, pending: false, error: null, note: null };

export function draftOf(user: UserView, row: RowState): RowDraft {
  return row.draft ?? { role: user.role, drcId: user.drcId ?? '' };
}

/** What updateUser must be sent for the draft: only what differs from the user as saved. */
export function changesOf(user: UserView, draft: RowDraft): Omit<UpdateUserInput, 'uid'> {
  const changes: Omit<UpdateUserInput, 'uid'> = {};
  if (draft.role !== user.role) changes.role = draft.role;
  const drcId = roleHasDrc(draft.role) ? draft.drcId || null : null;
  if (drcId !== user.drcId) changes.drcId = drcId;
  return changes;
}

/**
 * The per-row edits of the users table, kept here rather than in the rows so that what was chosen
 * survives a row being filtered out of view, and the list being fetched again.
 */
export function useUserEdits(onSaved: (user: UserView) => void) {
  const [rows, setRows] = useState<Record<string, RowState>>({});

  const patch = useCallback(
    (uid: string, change: Partial<RowState>) =>
      setRows((all) => ({ ...all, [uid]: { ...(all[uid] ?? IDLE_ROW), ...change } })),
    [],
  );

  const edit = useCallback((uid: string, draft: RowDraft) => patch(uid, { draft, note: null }), [patch]);

  const update = useCallback(
    async (user: UserView, changes: Omit<UpdateUserInput, 'uid'>, after: Partial<RowState>, note: string) => {
      patch(user.uid, { pending: true, error: null, note: null });
      try {
        const saved = await call('updateUser', { uid: user.uid, ...changes });
        patch(user.uid, { ...after, pending: false, error: null, note });
        onSaved(saved);
      } catch (error) {
        patch(user.uid, { pending: false, error: describeError(error) });
      }
    },
    [patch, onSaved],
  );

  const save = useCallback(
    (user: UserView) => {
      const draft = draftOf(user, rows[user.uid] ?? IDLE_ROW);
      if (roleHasDrc(draft.role) && !draft.drcId) {
        patch(user.uid, {
          error: { message: t('form.correctMarked'), fields: { drcId: t('users.drcRequired') } },
          note: null,
        });
        return;
      }
      const changes = changesOf(user, draft);
      if (Object.keys(changes).length === 0) {
        patch(user.uid, { draft: null, error: null, note: t('users.nothingToSave') });
        return;
      }
      void update(user, changes, { draft: null }, t('users.saved'));
    },
    [rows, patch, update],
  );

  const setActive = useCallback(
    (user: UserView, active: boolean) => {
      if (!active && !window.confirm(t('users.confirmDisable', { email: user.email }))) return;
      const note = t(active ? 'users.enabledNow' : 'users.disabledNow', { email: user.email });
      // A role or DRC chosen but not saved stays chosen.
      void update(user, { disabled: !active }, {}, note);
    },
    [update],
  );

  return { rows, edit, save, setActive };
}
