import { useState, type FormEvent } from 'react';
import type {
  NotificationRoutingView,
  NotifyChannel,
  RouteRuleView,
} from '../../../functions/src/domain/contracts/types';
import type { Me } from '../../../functions/src/domain/contracts/types';
import { hrefFor } from '../app/route';
import { describeError, type ShownError } from '../data/describeError';
import { useFormSource } from '../data/queries';
import { call } from '../api/call';
import { FormError, PageLoading } from '../forms/FormFeedback';
import { LANGUAGE_NAMES, LANGUAGES } from '../i18n/locale';
import { t, tOr, humanize } from '../i18n/t';
import './notifyAdmin.css';

type Rules = Record<string, RouteRuleView[]>;

const same = (a: RouteRuleView[] | undefined, b: RouteRuleView[] | undefined) =>
  JSON.stringify(a ?? []) === JSON.stringify(b ?? []);

/** The kinds whose rules differ from the built-in ones: only those are saved as configuration. */
export function overridesOf(rules: Rules, defaults: Rules): Rules {
  return Object.fromEntries(Object.entries(rules).filter(([kind, list]) => !same(list, defaults[kind])));
}

const kindLabel = (kind: string) => tOr(`routing.kind.${kind}`, humanize(kind));
const audienceLabel = (a: string) => tOr(`routing.audience.${a}`, humanize(a));
const channelLabel = (c: string) => tOr(`routing.channel.${c}`, c);

/**
 * Who receives which notification, on which channels, as configuration an
 * administrator edits (others with access read it), with the message templates in the three languages.
 */
export function NotificationRoutingPage({ me }: { me: Me }) {
  const canEdit = me.role === 'admin';
  const [view, setView] = useState<NotificationRoutingView | null>(null);
  const [rules, setRules] = useState<Rules>({});
  const [saveFailure, setFailure] = useState<ShownError | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, setPending] = useState(false);

  const loadFailure = useFormSource('getNotificationRouting', {}, (data) => {
    setView(data);
    setRules(data.routing);
  });
  const failure = saveFailure ?? loadFailure;

  const change = (kind: string, index: number, next: RouteRuleView | null) => {
    setSaved(false);
    setRules((current) => {
      const list = [...(current[kind] ?? [])];
      if (next) list[index] = next;
      else list.splice(index, 1);
      return { ...current, [kind]: list };
    });
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!view) return;
    setPending(true);
    setFailure(null);
    try {
      const data = await call('saveNotificationRouting', {
        expectedVersion: view.version,
        overrides: overridesOf(rules, view.defaults),
      });
      setView(data);
      setRules(data.routing);
      setSaved(true);
    } catch (error) {
      // What was chosen stays on the form; the errors point at the rule they concern.
      setFailure(describeError(error));
    } finally {
      setPending(false);
    }
  };

  if (!view) {
    return (
      <PageLoading id="routing-title" title={t('routing.title')} loading={t('routing.loading')} failure={failure} />
    );
  }
  const errors = failure?.fields ?? {};
  return (
    <section aria-labelledby="routing-title" className="routing-page" data-testid="routing-page">
      <h1 id="routing-title">{t('routing.title')}</h1>
      <p>{canEdit ? t('routing.intro') : t('routing.introReadOnly')}</p>
      <p className="hint" data-testid="routing-version">
        {t('routing.version', { version: String(view.version) })}
      </p>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        {Object.keys(view.routing).map((kind) => (
          <fieldset key={kind} className="routing-kind" data-testid={`routing-${kind}`} disabled={!canEdit}>
            <legend>
              {kindLabel(kind)}
              {!same(rules[kind], view.defaults[kind]) && (
                <span className="badge" data-testid={`routing-changed-${kind}`}>
                  {' '}
                  {t('routing.changed')}
                </span>
              )}
            </legend>
            {(rules[kind] ?? []).length === 0 && <p className="hint">{t('routing.nobody')}</p>}
            {(rules[kind] ?? []).map((rule, i) => {
              const id = `routing-${kind}-${i}`;
              const error = errors[`${kind}.${i}.channels`] ?? errors[`overrides.${kind}.${i}.channels`];
              return (
                <div key={id} className="routing-rule">
                  <label htmlFor={`${id}-audience`} className="visually-hidden">
                    {t('routing.audience')}
                  </label>
                  <select
                    id={`${id}-audience`}
                    value={rule.audience}
                    onChange={(e) => change(kind, i, { ...rule, audience: e.target.value })}
                  >
                    {view.audiences.map((a) => (
                      <option key={a} value={a}>
                        {audienceLabel(a)}
                      </option>
                    ))}
                  </select>
                  {rule.level !== undefined && (
                    <span className="hint">{t('routing.level', { level: String(rule.level) })}</span>
                  )}
                  <span role="group" aria-label={t('routing.channels', { audience: audienceLabel(rule.audience) })}>
                    {view.channels.map((c) => (
                      <label key={c} className="routing-channel">
                        <input
                          type="checkbox"
                          checked={rule.channels.includes(c)}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={error ? `${id}-error` : undefined}
                          onChange={(e) =>
                            change(kind, i, {
                              ...rule,
                              channels: view.channels.filter((x: NotifyChannel) =>
                                x === c ? e.target.checked : rule.channels.includes(x),
                              ),
                            })
                          }
                        />{' '}
                        {channelLabel(c)}
                      </label>
                    ))}
                  </span>
                  {canEdit && (
                    <button type="button" className="link-button" onClick={() => change(kind, i, null)}>
                      {t('routing.remove')}
                    </button>
                  )}
                  {error && (
                    <p className="field-error" id={`${id}-error`} data-testid={`routing-error-${kind}-${i}`}>
                      {error}
                    </p>
                  )}
                </div>
              );
            })}
            {canEdit && (
              <p>
                <button
                  type="button"
                  onClick={() => change(kind, (rules[kind] ?? []).length, { audience: 'case_ro', channels: ['inapp'] })}
                >
                  {t('routing.add')}
                </button>{' '}
                {!same(rules[kind], view.defaults[kind]) && (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      setSaved(false);
                      setRules((current) => ({ ...current, [kind]: view.defaults[kind] ?? [] }));
                    }}
                  >
                    {t('routing.reset')}
                  </button>
                )}
              </p>
            )}
            <details>
              <summary>{t('routing.templates')}</summary>
              <dl className="routing-templates">
                {LANGUAGES.map((language) => {
                  const template = view.templates[language]?.[kind];
                  return (
                    <div key={language} className="kv">
                      <dt>{LANGUAGE_NAMES[language]}</dt>
                      <dd lang={language}>
                        {template ? (
                          <>
                            <strong>{template.subject}</strong>
                            <br />
                            {template.body}
                          </>
                        ) : (
                          <em>{t('routing.templateMissing')}</em>
                        )}
                      </dd>
                    </div>
                  );
                })}
              </dl>
              <p>
                <a href={hrefFor({ page: 'templates' })}>{t('routing.editTexts')}</a>
              </p>
            </details>
          </fieldset>
        ))}
        {failure && <FormError error={failure} shownFields={Object.keys(errors)} />}
        {saved && (
          <p role="status" data-testid="routing-saved">
            {t('routing.saved', { version: String(view.version) })}
          </p>
        )}
        {canEdit && (
          <button type="submit" disabled={pending} data-testid="routing-save">
            {pending ? t('routing.saving') : t('routing.save')}
          </button>
        )}
      </form>
    </section>
  );
}
