import type { Me } from '../../../functions/src/domain/contracts/types';
import type { Role } from '../../../functions/src/domain/model/roles';
import { roleHasDrc, roleLabel } from '../app/roles';
import { TableScroll } from '../caseTypes/TableScroll';
import type { UserView } from '../../../functions/src/domain/contracts/types';
import { describedBy } from '../forms/Field';
import { FormError } from '../forms/FormFeedback';
import { t } from '../i18n/t';
import { ALL_ROLES } from './choices';
import { draftOf, IDLE_ROW, type RowDraft, type RowState } from './useUserEdits';

interface UserTableProps {
  me: Me;
  users: UserView[];
  rows: Record<string, RowState>;
  drcIds: string[];
  onEdit(uid: string, draft: RowDraft): void;
  onSave(user: UserView): void;
  onSetActive(user: UserView, active: boolean): void;
}

/** One row per user: their role and DRC (editable where the caller may), whether they may sign in, and the buttons. */
export function UserTable({ me, users, rows, drcIds, onEdit, onSave, onSetActive }: UserTableProps) {
  return (
    <TableScroll labelledBy="users-caption">
      <table className="small-table stack-table users-table" data-testid="users-table">
        <caption id="users-caption" className="visually-hidden">
          {t('users.listTitle')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('users.col.email')}</th>
            <th scope="col">{t('users.col.name')}</th>
            <th scope="col">{t('users.col.role')}</th>
            <th scope="col">{t('users.col.drc')}</th>
            <th scope="col">{t('users.col.active')}</th>
            <th scope="col">{t('users.col.manage')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <UserRow
              key={user.uid}
              me={me}
              user={user}
              row={rows[user.uid] ?? IDLE_ROW}
              drcIds={drcIds}
              onEdit={(draft) => onEdit(user.uid, draft)}
              onSave={() => onSave(user)}
              onSetActive={(active) => onSetActive(user, active)}
            />
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

interface UserRowProps {
  me: Me;
  user: UserView;
  row: RowState;
  drcIds: string[];
  onEdit(draft: RowDraft): void;
  onSave(): void;
  onSetActive(active: boolean): void;
}

function UserRow({ me, user, row, drcIds, onEdit, onSave, onSetActive }: UserRowProps) {
  const self = user.uid === me.uid;
  // functions/src/services/users/profiles.ts mayManage: admins manage everyone but themselves; DRC admins their DRC's ROs.
  const manageable =
    me.role === 'admin' || (me.role === 'drc_admin' && user.role === 'ro' && !!me.drcId && user.drcId === me.drcId);
  const mayToggle = manageable && !self;
  // A DRC admin's ROs stay ROs of that DRC: only an admin changes roles and DRCs.
  const mayEdit = me.role === 'admin' && !self;
  const draft = draftOf(user, row);
  const showsDrcSelect = mayEdit && roleHasDrc(draft.role);
  const errors = row.error?.fields ?? {};
  const shownFields = [...(mayEdit ? ['role'] : []), ...(showsDrcSelect ? ['drcId'] : [])];
  const base = `user-${user.uid}`;
  const { email } = user;

  return (
    <tr data-testid={`user-row-${email}`} className={user.active ? undefined : 'inactive'}>
      <th scope="row" data-label={t('users.col.email')}>
        <span className="break-long">{email}</span> {self && <span className="muted">{t('users.you')}</span>}
      </th>
      <td data-label={t('users.col.name')}>{user.displayName}</td>
      <td data-label={t('users.col.role')}>
        {mayEdit ? (
          <div className={`field cell-field${errors.role ? ' field-invalid' : ''}`}>
            <label className="visually-hidden" htmlFor={`${base}-role`}>
              {t('users.roleOf', { email })}
            </label>
            <select
              {...describedBy(`${base}-role`, errors.role, undefined)}
              data-testid={`user-role-${email}`}
              value={draft.role}
              disabled={row.pending}
              onChange={(e) => onEdit({ ...draft, role: e.target.value as Role })}
            >
              {ALL_ROLES.map((role) => (
                <option key={role} value={role}>
                  {roleLabel(role)}
                </option>
              ))}
            </select>
            {errors.role && (
              <p className="field-error" id={`${base}-role-error`}>
                {errors.role}
              </p>
            )}
          </div>
        ) : (
          roleLabel(user.role)
        )}
      </td>
      <td data-label={t('users.col.drc')}>
        {showsDrcSelect ? (
          <div className={`field cell-field${errors.drcId ? ' field-invalid' : ''}`}>
            <label className="visually-hidden" htmlFor={`${base}-drc`}>
              {t('users.drcOf', { email })}
            </label>
            <select
              {...describedBy(`${base}-drc`, errors.drcId, undefined)}
              data-testid={`user-drc-${email}`}
              value={draft.drcId}
              disabled={row.pending}
              onChange={(e) => onEdit({ ...draft, drcId: e.target.value })}
            >
              {!draft.drcId && <option value="">{t('form.choose')}</option>}
              {drcIds.map((id) => (
                <option key={id} value={id}>
                  {id}
                </option>
              ))}
            </select>
            {errors.drcId && (
              <p className="field-error" id={`${base}-drc-error`}>
                {errors.drcId}
              </p>
            )}
          </div>
        ) : (
          (roleHasDrc(draft.role) && user.drcId) || t('case.none')
        )}
      </td>
      <td data-label={t('users.col.active')}>{t(user.active ? 'users.active' : 'users.disabled')}</td>
      <td data-label={t('users.col.manage')}>
        <div className="row-buttons">
          {mayEdit && (
            <button type="button" data-testid={`user-save-${email}`} disabled={row.pending} onClick={onSave}>
              {row.pending ? t('users.saving') : t('users.save')}
              <span className="visually-hidden"> {t('users.saveFor', { email })}</span>
            </button>
          )}
          {mayToggle &&
            (user.active ? (
              <button
                type="button"
                className="secondary"
                data-testid={`user-disable-${email}`}
                disabled={row.pending}
                onClick={() => onSetActive(false)}
              >
                {t('users.disable')}
                <span className="visually-hidden"> {email}</span>
              </button>
            ) : (
              <button
                type="button"
                className="secondary"
                data-testid={`user-enable-${email}`}
                disabled={row.pending}
                onClick={() => onSetActive(true)}
              >
                {t('users.enable')}
                <span className="visually-hidden"> {email}</span>
              </button>
            ))}
        </div>
        {!mayToggle && !mayEdit && <p className="hint">{t(self ? 'users.self' : 'users.notYours')}</p>}
        {row.error && <FormError error={row.error} shownFields={shownFields} testId={`user-error-${email}`} />}
        {row.note && !row.error && (
          <p className="row-note" role="status" data-testid={`user-note-${email}`}>
            {row.note}
          </p>
        )}
      </td>
    </tr>
  );
}
