import { useState, type FormEvent } from 'react';
import { hrefFor } from '../app/route';
import { Field, describedBy } from '../forms/Field';
import { FormError } from '../forms/FormFeedback';
import { useRequestSubmit } from '../forms/useRequestSubmit';
import { t } from '../i18n/t';

const REQUIRED_ACTIONS = ['arrears', 'cpe', 'arrears_cpe'] as const;
const FIELDS = ['accountNumber', 'requiredAction'] as const;

/** Registers one case: account number + what to collect; the functions fetch the rest and validate. */
export function RegisterCasePage() {
  const [accountNumber, setAccountNumber] = useState('');
  const [requiredAction, setRequiredAction] = useState<string>('arrears');
  const [registered, setRegistered] = useState<{ caseId: string; account: string } | null>(null);
  const { state, submit } = useRequestSubmit();
  const fieldErrors = state.status === 'failed' ? state.error.fields : {};

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setRegistered(null);
    const account = accountNumber.trim();
    const request = await submit({ type: 'registerCase', payload: { accountNumber: account, requiredAction } });
    if (request?.caseId) {
      setRegistered({ caseId: request.caseId, account });
      setAccountNumber('');
    }
  };

  return (
    <section aria-labelledby="register-title" className="narrow">
      <h1 id="register-title">{t('register.title')}</h1>
      <p>{t('register.intro')}</p>
      <form className="card" onSubmit={onSubmit} noValidate data-testid="register-form">
        <Field
          id="register-account"
          name="accountNumber"
          label={t('register.account')}
          hint={t('register.accountHint')}
          error={fieldErrors.accountNumber}
        >
          <input
            {...describedBy('register-account', fieldErrors.accountNumber, t('register.accountHint'))}
            data-testid="register-account"
            inputMode="numeric"
            autoComplete="off"
            value={accountNumber}
            onChange={(e) => setAccountNumber(e.target.value)}
          />
        </Field>
        <Field
          id="register-action"
          name="requiredAction"
          label={t('register.action')}
          error={fieldErrors.requiredAction}
        >
          <select
            {...describedBy('register-action', fieldErrors.requiredAction, undefined)}
            data-testid="register-action"
            value={requiredAction}
            onChange={(e) => setRequiredAction(e.target.value)}
          >
            {REQUIRED_ACTIONS.map((code) => (
              <option key={code} value={code}>
                {t(`requiredAction.${code}`)}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" data-testid="register-submit" disabled={state.status === 'pending'}>
          {state.status === 'pending' ? t('register.pending') : t('register.submit')}
        </button>
        <div aria-live="polite">
          {state.status === 'failed' && (
            <div data-testid="register-result">
              <FormError error={state.error} shownFields={FIELDS} />
            </div>
          )}
          {state.status === 'applied' && registered && (
            <p className="form-ok" data-testid="register-result">
              {t('register.done')}{' '}
              <a href={hrefFor({ page: 'case', caseId: registered.caseId })} data-testid="register-case-link">
                {t('register.open', { account: registered.account })}
              </a>
            </p>
          )}
        </div>
      </form>
    </section>
  );
}
