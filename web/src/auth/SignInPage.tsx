import { signInWithEmailAndPassword } from 'firebase/auth';
import { useState, type FormEvent } from 'react';
import { describeError } from '../data/describeError';
import { auth } from '../firebase';
import { LanguageSwitcher } from '../i18n/LanguageSwitcher';
import { t } from '../i18n/t';
import { DEMO_PASSWORD, DemoLogins } from './DemoLogins';
import './auth.css';

export function SignInPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      await signInWithEmailAndPassword(auth, email.trim(), password);
    } catch (e) {
      setError(describeError(e).message);
      setPending(false);
    }
  };

  return (
    <main className="sign-in" id="main">
      <form className="card" onSubmit={onSubmit} aria-labelledby="sign-in-title" noValidate>
        <LanguageSwitcher />
        <h1 id="sign-in-title">{t('signIn.title')}</h1>
        <div className="field">
          <label htmlFor="sign-in-email">{t('signIn.email')}</label>
          <input
            id="sign-in-email"
            data-testid="email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-describedby={error ? 'sign-in-error' : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor="sign-in-password">{t('signIn.password')}</label>
          <input
            id="sign-in-password"
            data-testid="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-describedby={error ? 'sign-in-error' : undefined}
          />
        </div>
        {error && (
          <p className="form-error" id="sign-in-error" role="alert" data-testid="sign-in-error">
            {error}
          </p>
        )}
        <button type="submit" data-testid="sign-in" disabled={pending}>
          {pending ? t('signIn.pending') : t('signIn.submit')}
        </button>
      </form>
      <DemoLogins
        onPick={(picked) => {
          setEmail(picked);
          setPassword(DEMO_PASSWORD);
        }}
      />
    </main>
  );
}
