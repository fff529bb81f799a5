import { useState } from 'react';
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
import { flatErrors, showServerErrors, useOperationForm } from '../forms/useOperationForm';
import { LANGUAGE_NAMES, LANGUAGES } from '../i18n/locale';
import { t, tOr, humanize } from '../i18n/t';
import { ruleError, routingInput, same, type RoutingFormValues, type Rules } from './routingForm';
import './notifyAdmin.css';

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
  const [saveFailure, setFailure] = useState<ShownError | null>(null);
  const [saved, setSaved] = useState(false);
  const { handleSubmit, watch, setValue, getValues, reset, setError, formState } = useOperationForm<
    'saveNotificationRouting',
    RoutingFormValues
  >('saveNotificationRouting', { defaultValues: { expectedVersion: 0, rules: {}, defaults: {} } }, routingInput);
  const rules = watch('rules');
  const pending = formState.isSubmitting;

  const show = (data: NotificationRoutingView) => {
    setView(data);
    reset({ expectedVersion: data.version, rules: data.routing, defaults: data.defaults });
  };
  const loadFailure = useFormSource('getNotificationRouting', {}, show);
  const failure = saveFailure ?? loadFailure;

  const setRules = (next: Rules) => {
    setSaved(false);
    setValue('rules', next);
  };
  const change = (kind: string, index: number, next: RouteRuleView | null) => {
    const current = getValues('rules');
    const list = [...(current[kind] ?? [])];
    if (next) list[index] = next;
    else list.splice(index, 1);
    setRules({ ...current, [kind]: list });
  };

  const onSubmit = handleSubmit(
    async (input) => {
      setFailure(null);
      try {
        show(await call('saveNotificationRouting', input));
        setSaved(true);
      } catch (error) {
        // What was chosen stays on the form; the errors point at the rule they concern.
        const shown = describeError(error);
        setFailure(shown);
        showServerErrors(setError, shown);
      }
    },
    () => setFailure(null),
  );

  if (!view) {
    return (
      <PageLoading id="routing-title" title={t('routing.title')} loading={t('routing.loading')} failure={failure} />
    );
  }
  const errors = flatErrors(formState.errors);
  const shownOnRules = Object.keys(errors).filter((path) => /^(overrides\.)?[^.]+\.\d+\.channels$/.test(path));
  // Errors found before sending (not the server's) get the general "correct the marked fields" box.
  const localFailure =
    !failure && Object.keys(errors).length > 0 ? { message: t('form.correctMarked'), fields: errors } : null;
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
              const error = ruleError(errors, kind, i);
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
                    onClick={() => setRules({ ...getValues('rules'), [kind]: view.defaults[kind] ?? [] })}
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
        {failure && <FormError error={failure} shownFields={Object.keys(failure.fields)} />}
        {localFailure && <FormError error={localFailure} shownFields={shownOnRules} />}
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
