import { useRef, useState } from 'react';
import type { Me } from '../../../functions/src/domain/contracts/types';
import type { Role } from '../../../functions/src/domain/model/roles';
import { roleLabel } from '../app/roles';
import type { UserView } from '../../../functions/src/domain/contracts/types';
import { call } from '../api/call';
import { describeError, type ShownError } from '../data/describeError';
import { Field, describedBy } from '../forms/Field';
import { FormError } from '../forms/FormFeedback';
import { showServerErrors, useOperationForm } from '../forms/useOperationForm';
import { currentLanguage } from '../i18n/locale';
import { t } from '../i18n/t';
import { ALL_ROLES } from './choices';
import { inviteInput, inviteNeedsDrc, type InviteFormValues } from './inviteInput';

const FORM_ID = 'invite';
const FIELDS = ['email', 'displayName', 'role', 'drcId'];

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
  const { register, handleSubmit, watch, setError, reset, getValues, formState } = useOperationForm<
    'inviteUser',
    InviteFormValues
  >(
    'inviteUser',
    { defaultValues: { email: '', displayName: '', role: fixedDrc === null ? '' : 'ro', drcId: fixedDrc ?? '' } },
    (values) => inviteInput(values, currentLanguage()),
  );
  const [failure, setFailure] = useState<ShownError | null>(null);
  // The last confirmation stays shown while the next invitation is typed, and until another one succeeds.
  const [invited, setInvited] = useState<{ email: string } | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);

  const needsDrc = inviteNeedsDrc(watch('role'));
  const errors: Partial<Record<keyof InviteFormValues, string>> = {
    email: formState.errors.email?.message,
    displayName: formState.errors.displayName?.message,
    role: formState.errors.role?.message,
    drcId: formState.errors.drcId?.message,
  };
  const pending = formState.isSubmitting;

  const onSubmit = handleSubmit(
    async (input) => {
      setFailure(null);
      // The contract lets a DRC be absent; these roles need one, so say so here rather than after a round trip.
      if (needsDrc && !input.drcId) {
        setError('drcId', { type: 'required', message: t('users.drcRequired') });
        return;
      }
      try {
        const out = await call('inviteUser', input);
        setInvited({ email: out.emailedTo });
        reset({ ...getValues(), email: '', displayName: '' });
        onInvited({
          uid: out.uid,
          email: input.email,
          displayName: input.displayName,
          role: input.role,
          drcId: input.drcId ?? null,
          active: true,
        });
        // Take keyboard and screen-reader users to the confirmation.
        requestAnimationFrame(() => doneRef.current?.focus());
      } catch (error) {
        const shown = describeError(error);
        setFailure(shown);
        showServerErrors(setError, shown);
      }
    },
    () => {
      setFailure(null);
      // The contract's word for a missing role lists every role; an unmade choice is simply required.
      if (getValues('role') === '') setError('role', { type: 'required', message: t('form.required') });
    },
  );

  // Errors found before sending (not the server's) get the general "correct the marked fields" box.
  const hasLocalErrors = !failure && Object.values(errors).some(Boolean);
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
              {...register('email')}
            />
          </Field>
          <Field id={`${FORM_ID}-name`} name="displayName" label={t('invite.name')} error={errors.displayName}>
            <input
              {...describedBy(`${FORM_ID}-name`, errors.displayName, undefined)}
              data-testid="invite-name"
              type="text"
              autoComplete="off"
              maxLength={120}
              {...register('displayName')}
            />
          </Field>
          <Field id={`${FORM_ID}-role`} name="role" label={t('invite.role')} error={errors.role}>
            <select
              {...describedBy(`${FORM_ID}-role`, errors.role, undefined)}
              data-testid="invite-role"
              {...register('role')}
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
                {...register('drcId')}
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
