import { useState } from 'react';
import type { NotificationPrefsView, NotifyLanguage } from '../../../functions/src/domain/contracts/types';
import { hrefFor } from '../app/route';
import { call } from '../api/call';
import { describeError, type ShownError } from '../data/describeError';
import { useFormSource } from '../data/queries';
import { FormError, FormOk, PageLoading } from '../forms/FormFeedback';
import { flatErrors, showServerErrors, useOperationForm } from '../forms/useOperationForm';
import { LANGUAGE_NAMES, LANGUAGES } from '../i18n/locale';
import { t, tOr, humanize } from '../i18n/t';
import { CHANNELS, prefsFormValues, prefsInput, type Draft, type PrefsFormValues } from './prefsForm';
import './inbox.css';

/** Where DebtX's users work; any other IANA zone can be typed (the server checks it). */
const ZONES = ['Asia/Colombo', 'Asia/Kolkata', 'Asia/Dubai', 'Asia/Singapore', 'Europe/London', 'UTC'];
const SHOWN_FIELDS = ['quietHours', 'quietHours.start', 'quietHours.end', 'timeZone', 'language', 'phone'];

const kindLabel = (kind: string) => tOr(`routing.kind.${kind}`, humanize(kind));
const channelLabel = (c: string) => tOr(`routing.channel.${c}`, c);

/** Each user's notification preferences per event and channel, quiet hours, language and phone. */
export function PreferencesPage() {
  const [view, setView] = useState<NotificationPrefsView | null>(null);
  const [saveFailure, setFailure] = useState<ShownError | null>(null);
  const [saved, setSaved] = useState(false);
  const { handleSubmit, watch, setValue, reset, setError, formState } = useOperationForm<
    'saveNotificationPrefs',
    PrefsFormValues
  >('saveNotificationPrefs', {}, prefsInput);
  const values = watch();
  // Until the first load the form holds nothing to show.
  const draft: Draft | null = view && values.channels ? values : null;
  const pending = formState.isSubmitting;

  const show = (v: NotificationPrefsView) => {
    setView(v);
    reset(prefsFormValues(v));
  };
  const loadFailure = useFormSource('getNotificationPrefs', {}, show);
  const failure = saveFailure ?? loadFailure;

  const edit = (patch: Partial<Draft>) => {
    setSaved(false);
    for (const [key, value] of Object.entries(patch)) setValue(key as keyof Draft, value);
  };

  const onSubmit = handleSubmit(
    async (input) => {
      setFailure(null);
      try {
        show(await call('saveNotificationPrefs', input));
        setSaved(true);
      } catch (e) {
        // What the user chose stays on the form; each error shows beside its field.
        const shown = describeError(e);
        setFailure(shown);
        showServerErrors(setError, shown);
      }
    },
    () => setFailure(null),
  );

  if (!view || !draft) {
    return <PageLoading id="prefs-title" title={t('prefs.title')} loading={t('prefs.loading')} failure={failure} />;
  }
  const errors = flatErrors(formState.errors);
  // Errors found before sending (not the server's) get the general "correct the marked fields" box.
  const localFailure =
    !failure && Object.keys(errors).length > 0 ? { message: t('form.correctMarked'), fields: errors } : null;
  const fieldError = (name: string, id: string) =>
    errors[name] ? (
      <p className="field-error" id={id} data-testid={`prefs-error-${name}`}>
        {errors[name]}
      </p>
    ) : null;
  const kinds = Object.keys(draft.channels);

  return (
    <section aria-labelledby="prefs-title" className="prefs-page" data-testid="prefs-page">
      <div className="page-title-row">
        <h1 id="prefs-title">{t('prefs.title')}</h1>
        <a href={hrefFor({ page: 'inbox' })}>{t('prefs.backToInbox')}</a>
      </div>
      <p>{t('prefs.intro')}</p>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <fieldset>
          <legend>{t('prefs.events')}</legend>
          {kinds.length === 0 ? (
            <p className="hint">{t('prefs.noEvents')}</p>
          ) : (
            <div className="table-scroll">
              <table className="prefs-table" data-testid="prefs-table">
                <thead>
                  <tr>
                    <th scope="col">{t('prefs.event')}</th>
                    {CHANNELS.map((c) => (
                      <th scope="col" key={c}>
                        {channelLabel(c)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {kinds.map((kind) => (
                    <tr key={kind} data-testid={`prefs-${kind}`}>
                      <th scope="row">{kindLabel(kind)}</th>
                      {CHANNELS.map((c) => (
                        <td key={c}>
                          <input
                            type="checkbox"
                            aria-label={t('prefs.channelFor', { channel: channelLabel(c), event: kindLabel(kind) })}
                            checked={draft.channels[kind]?.[c] ?? false}
                            data-testid={`prefs-${kind}-${c}`}
                            onChange={(e) =>
                              edit({
                                channels: {
                                  ...draft.channels,
                                  [kind]: {
                                    ...(draft.channels[kind] ?? { inapp: false, sms: false, email: false }),
                                    [c]: e.target.checked,
                                  },
                                },
                              })
                            }
                          />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p className="hint">{t('prefs.channelsHint')}</p>
        </fieldset>

        <fieldset>
          <legend>{t('prefs.quietHours')}</legend>
          <label className="inline-check">
            <input
              type="checkbox"
              checked={draft.quiet}
              onChange={(e) => edit({ quiet: e.target.checked })}
              data-testid="prefs-quiet"
            />{' '}
            {t('prefs.quietOn')}
          </label>
          {draft.quiet && (
            <div className="prefs-quiet-times">
              <label htmlFor="prefs-quiet-start">{t('prefs.quietStart')}</label>
              <input
                id="prefs-quiet-start"
                type="time"
                value={draft.quietStart}
                onChange={(e) => edit({ quietStart: e.target.value })}
                aria-invalid={errors['quietHours.start'] ? true : undefined}
                aria-describedby={errors['quietHours.start'] ? 'prefs-quiet-start-error' : undefined}
                data-testid="prefs-quiet-start"
              />
              {fieldError('quietHours.start', 'prefs-quiet-start-error')}
              <label htmlFor="prefs-quiet-end">{t('prefs.quietEnd')}</label>
              <input
                id="prefs-quiet-end"
                type="time"
                value={draft.quietEnd}
                onChange={(e) => edit({ quietEnd: e.target.value })}
                aria-invalid={errors['quietHours.end'] ? true : undefined}
                aria-describedby={errors['quietHours.end'] ? 'prefs-quiet-end-error' : undefined}
                data-testid="prefs-quiet-end"
              />
              {fieldError('quietHours.end', 'prefs-quiet-end-error')}
            </div>
          )}
          <p className="hint">{t('prefs.quietHint')}</p>
        </fieldset>

        <fieldset>
          <legend>{t('prefs.contact')}</legend>
          <label htmlFor="prefs-phone">{t('prefs.phone')}</label>
          <input
            id="prefs-phone"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            placeholder="+94771234567"
            value={draft.phone}
            onChange={(e) => edit({ phone: e.target.value })}
            aria-invalid={errors.phone ? true : undefined}
            aria-describedby={errors.phone ? 'prefs-phone-error' : 'prefs-phone-hint'}
            data-testid="prefs-phone"
          />
          <p className="hint" id="prefs-phone-hint">
            {t('prefs.phoneHint')}
          </p>
          {fieldError('phone', 'prefs-phone-error')}

          <label htmlFor="prefs-language">{t('prefs.language')}</label>
          <select
            id="prefs-language"
            value={draft.language}
            onChange={(e) => edit({ language: e.target.value as NotifyLanguage })}
            data-testid="prefs-language"
          >
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>

          <label htmlFor="prefs-zone">{t('prefs.timeZone')}</label>
          <input
            id="prefs-zone"
            list="prefs-zones"
            value={draft.timeZone}
            onChange={(e) => edit({ timeZone: e.target.value })}
            aria-invalid={errors.timeZone ? true : undefined}
            aria-describedby={errors.timeZone ? 'prefs-zone-error' : undefined}
            data-testid="prefs-zone"
          />
          <datalist id="prefs-zones">
            {ZONES.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          {fieldError('timeZone', 'prefs-zone-error')}

          <label className="inline-check">
            <input
              type="checkbox"
              checked={draft.digest}
              onChange={(e) => edit({ digest: e.target.checked })}
              data-testid="prefs-digest"
            />{' '}
            {t('prefs.digest')}
          </label>
        </fieldset>

        {failure && <FormError error={failure} shownFields={SHOWN_FIELDS} testId="prefs-form-error" />}
        {localFailure && <FormError error={localFailure} shownFields={SHOWN_FIELDS} testId="prefs-form-error" />}
        {saved && <FormOk text={t('prefs.saved')} />}
        <button type="submit" disabled={pending} data-testid="prefs-save">
          {pending ? t('prefs.saving') : t('prefs.save')}
        </button>
      </form>
    </section>
  );
}
