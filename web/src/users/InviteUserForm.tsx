import { useRef, useState, type FormEvent } from 'react';
import type { Me } from '../../../functions/src/domain/contracts/types';
import type { Role } from '../../../functions/src/domain/model/roles';
import { roleHasDrc, roleLabel } from '../app/roles';
import type { UserView } from '../../../functions/src/domain/contracts/types';
import { call } from '../api/call';
import { describeError, type ShownError } from '../data/describeError';
import { Field, describedBy } from '../forms/Field';
import { FormError } from '../forms/FormFeedback';
import { currentLanguage } from '../i18n/locale';
import { t } from '../i18n/t';
import { ALL_ROLES } from './choices';

const FORM_ID = 'invite';
const FIELDS = ['email', 'displayName', 'role', 'drcId'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface InviteUserFormProps {
  me: Me;
  drcIds: string[];
  /** Called with the new user, to show them in the list. */
  onInvited(user: UserView): void;
}

/**
 * Invites a user: the account is made with its role and DRC, and the set-password link is emailed to the invited
 * person (never shown here: whoever holds it can sign in as them).
 * A DRC admin invites recovery officers of their own DRC only, so both are fixed for them.
 */
export function InviteUserForm({ me, drcIds, onInvited }: InviteUserFormProps) {
  const fixedDrc = me.role === 'drc_admin' ? (me.drcId ?? '') : null;
  const roleChoices: readonly Role[] = fixedDrc === null ? ALL_ROLES : ['ro'];
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role | ''>(fixedDrc === null ? '' : 'ro');
  const [drcId, setDrcId] = useState(fixedDrc ?? '');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<ShownError | null>(null);
  // The last confirmation stays shown while the next invitation is typed, and until another one succeeds.
  const [invited, setInvited] = useState<{ email: string } | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);

  const needsDrc = role !== '' && roleHasDrc(role);
  const errors = { ...(failure?.fields ?? {}), ...localErrors };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    const trimmedEmail = email.trim();
    const trimmedName = displayName.trim();
    if (!trimmedEmail) missing.email = t('form.required');
    else if (!EMAIL.test(trimmedEmail)) missing.email = t('invite.badEmail');
    if (!trimmedName) missing.displayName = t('form.required');
    else if (trimmedName.length < 2) missing.displayName = t('invite.shortName');
    if (!role) missing.role = t('form.required');
    if (needsDrc && !drcId) missing.drcId = t('users.drcRequired');
    setLocalErrors(missing);
    if (Object.keys(missing).length > 0 || !role) {
      setFailure(null);
      return;
    }
    setPending(true);
    setFailure(null);
    try {
      const chosenDrc = needsDrc ? drcId : null;
      const out = await call('inviteUser', {
        email: trimmedEmail,
        displayName: trimmedName,
        role,
        drcId: chosenDrc,
        language: currentLanguage(),
      });
      setInvited({ email: out.emailedTo });
      setEmail('');
      setDisplayName('');
      onInvited({ uid: out.uid, email: trimmedEmail, displayName: trimmedName, role, drcId: chosenDrc, active: true });
      // Take keyboard and screen-reader users to the confirmation.
      requestAnimationFrame(() => doneRef.current?.focus());
    } catch (error) {
      setFailure(describeError(error));
    } finally {
      setPending(false);
    }
  };

  const hasLocalErrors = Object.keys(localErrors).length > 0;
  return (
    <section aria-labelledby="invite-title" className="invite">
      <h2 id="invite-title">{t('invite.title')}</h2>
      <form className="card" onSubmit={onSubmit} noValidate data-testid="invite-form">
        {fixedDrc !== null && <p className="hint">{t('invite.fixed', { drcId: fixedDrc })}</p>}
        <div className="form-fields">
          <Field id={`${FORM_ID}-email`} name="email" label={t('invite.email')} error={errors.email}>
            <input
              {...describedBy(`${FORM_ID}-email`, errors.email, undefined)}
              data-testid="invite-email"
              type="email"
              inputMode="email"
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              maxLength={254}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </Field>
          <Field id={`${FORM_ID}-name`} name="displayName" label={t('invite.name')} error={errors.displayName}>
            <input
              {...describedBy(`${FORM_ID}-name`, errors.displayName, undefined)}
              data-testid="invite-name"
              type="text"
              autoComplete="off"
              maxLength={120}
              value={displayName}
              onChange={(e) => setDisplayName(e.target.value)}
            />
          </Field>
          <Field id={`${FORM_ID}-role`} name="role" label={t('invite.role')} error={errors.role}>
            <select
              {...describedBy(`${FORM_ID}-role`, errors.role, undefined)}
              data-testid="invite-role"
              value={role}
              onChange={(e) => setRole(e.target.value as Role | '')}
            >
              {roleChoices.length > 1 && <option value="">{t('form.choose')}</option>}
              {roleChoices.map((r) => (
                <option key={r} value={r}>
                  {roleLabel(r)}
                </option>
              ))}
            </select>
          </Field>
          {needsDrc && (
            <Field
              id={`${FORM_ID}-drc`}
              name="drcId"
              label={t('invite.drc')}
              hint={t('invite.drcHint')}
              error={errors.drcId}
            >
              <select
                {...describedBy(`${FORM_ID}-drc`, errors.drcId, t('invite.drcHint'))}
                data-testid="invite-drc"
                value={drcId}
                onChange={(e) => setDrcId(e.target.value)}
              >
                {fixedDrc !== null ? (
                  <option value={fixedDrc}>{fixedDrc}</option>
                ) : (
                  <>
                    <option value="">{t('form.choose')}</option>
                    {drcIds.map((id) => (
                      <option key={id} value={id}>
                        {id}
                      </option>
                    ))}
                  </>
                )}
              </select>
            </Field>
          )}
        </div>
        {hasLocalErrors && <FormError error={{ message: t('form.correctMarked'), fields: {} }} shownFields={[]} />}
        {failure && !hasLocalErrors && (
          <FormError error={failure} shownFields={FIELDS.filter((f) => f !== 'drcId' || needsDrc)} />
        )}
        <button type="submit" data-testid="invite-submit" disabled={pending}>
          {pending ? t('invite.pending') : t('invite.submit')}
        </button>
      </form>

      {invited && (
        <div className="form-ok invite-result" data-testid="invite-result" ref={doneRef} tabIndex={-1}>
          <p role="status">{t('invite.done', { email: invited.email })}</p>
          <p className="hint" data-testid="invite-emailed">
            {t('invite.emailed', { email: invited.email })}
          </p>
        </div>
      )}
    </section>
  );
}
