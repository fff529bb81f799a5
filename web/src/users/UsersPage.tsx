import { useCallback, useMemo, useState } from 'react';
import type { Me } from '../../../functions/src/domain/contracts/types';
import { roleLabel } from '../app/roles';
import type { UserView } from '../../../functions/src/domain/contracts/types';
import { t } from '../i18n/t';
import { drcChoices } from './choices';
import { InviteUserForm } from './InviteUserForm';
import { UserTable } from './UserTable';
import { useUserEdits } from './useUserEdits';
import { useUsers } from './useUsers';
import './users.css';

function matches(user: UserView, filter: string): boolean {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const text = [user.email, user.displayName, user.role, roleLabel(user.role), user.drcId ?? '']
    .join(' ')
    .toLowerCase();
  return words.every((w) => text.includes(w));
}

/** User administration: admins manage every user; a DRC admin invites and disables the ROs of their own DRC. */
export function UsersPage({ me }: { me: Me }) {
  const { users, error, refresh, put } = useUsers();
  const [filter, setFilter] = useState('');
  const onSaved = useCallback(
    (user: UserView) => {
      put(user);
      refresh();
    },
    [put, refresh],
  );
  const edits = useUserEdits(onSaved);
  const drcIds = useMemo(() => drcChoices(users), [users]);
  const shown = useMemo(() => (users ?? []).filter((u) => matches(u, filter)), [users, filter]);
  const noDrc = me.role === 'drc_admin' && !me.drcId;

  return (
    <section aria-labelledby="users-title" className="users-page">
      <h1 id="users-title">{t('users.title')}</h1>
      <p>{me.role === 'drc_admin' && me.drcId ? t('users.introDrc', { drcId: me.drcId }) : t('users.intro')}</p>
      {noDrc ? (
        <p className="notice" data-testid="users-no-drc">
          {t('users.noDrc')}
        </p>
      ) : (
        <InviteUserForm me={me} drcIds={drcIds} onInvited={onSaved} />
      )}

      <h2 id="users-list-title">{t('users.listTitle')}</h2>
      <div className="filters" role="search" aria-labelledby="users-list-title">
        <div className="field">
          <label htmlFor="users-filter">{t('users.filter')}</label>
          <input
            id="users-filter"
            data-testid="users-filter"
            type="search"
            autoComplete="off"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            aria-describedby="users-filter-hint"
          />
          <p className="hint" id="users-filter-hint">
            {t('users.filterHint')}
          </p>
        </div>
      </div>
      {error && (
        <div className="form-error" role="alert" data-testid="users-error">
          <p>{error.message}</p>
          <button type="button" className="secondary" onClick={refresh}>
            {t('users.retry')}
          </button>
        </div>
      )}
      {!users ? (
        !error && (
          <p role="status" className="loading">
            {t('users.loading')}
          </p>
        )
      ) : users.length === 0 ? (
        <p data-testid="users-empty">{t('users.none')}</p>
      ) : (
        <>
          <p className="hint" role="status" data-testid="users-count">
            {t('users.count', { shown: shown.length, total: users.length })}
          </p>
          {shown.length === 0 ? (
            <p data-testid="users-no-match">{t('users.noMatch', { filter: filter.trim() })}</p>
          ) : (
            <UserTable
              me={me}
              users={shown}
              rows={edits.rows}
              drcIds={drcIds}
              onEdit={edits.edit}
              onSave={edits.save}
              onSetActive={edits.setActive}
            />
          )}
        </>
      )}
    </section>
  );
}
