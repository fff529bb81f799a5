import { t } from '../i18n/t';

export const DEMO_PASSWORD = 'debtx-demo';

const DEMO_USERS = [
  'admin',
  'officer',
  'supervisor',
  'drc1',
  'drc2',
  'drc3',
  'ro1',
  'ro2',
  'ro3',
  'ro4',
  'ro5',
  'ro6',
  'rcmp',
  'board',
  'auditor',
].map((name) => `${name}@demo.debtx`);

/** The seeded demo accounts; picking one fills the sign-in form. */
export function DemoLogins({ onPick }: { onPick: (email: string) => void }) {
  return (
    <aside className="demo-logins" aria-labelledby="demo-logins-title">
      <h2 id="demo-logins-title">{t('signIn.demoTitle')}</h2>
      <p>{t('signIn.demoPassword', { password: DEMO_PASSWORD })}</p>
      <ul>
        {DEMO_USERS.map((email) => (
          <li key={email}>
            <button
              type="button"
              className="link-button"
              onClick={() => onPick(email)}
              aria-label={t('signIn.useLogin', { email })}
            >
              {email}
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
