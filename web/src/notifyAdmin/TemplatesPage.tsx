import { useRef, useState, type FormEvent } from 'react';
import type {
  NotificationTemplatesView,
  NotifyLanguage,
  TemplateTableView,
  TemplateView,
} from '../../../functions/src/domain/contracts/types';
import type { Me } from '../../../functions/src/domain/contracts/types';
import {
  BODY_MAX,
  placeholderIssue,
  SAMPLE_VARS,
  smsParts,
  SUBJECT_MAX,
} from '../../../functions/src/domain/notifications/templateCheck';
import { hrefFor } from '../app/route';
import { describeError, type ShownError } from '../data/describeError';
import { useFormSource } from '../data/queries';
import { call } from '../api/call';
import { FormError, PageLoading } from '../forms/FormFeedback';
import { formatInstant } from '../format/time';
import { LANGUAGE_NAMES, LANGUAGES } from '../i18n/locale';
import { humanize, t, tOr } from '../i18n/t';
import {
  insertAt,
  isEdited,
  isTextEdited,
  messageChoices,
  overridesOf,
  textOf,
  withText,
  type MessageChoice,
} from './templateDraft';
import './notifyAdmin.css';

const kindLabel = (kind: string) => tOr(`routing.kind.${kind}`, humanize(kind));
const choiceLabel = (c: MessageChoice) =>
  c.customer ? t('templates.customerSms', { kind: kindLabel(c.kind) }) : kindLabel(c.kind);
const fill = (text: string) => text.replace(/\{(\w+)\}/g, (_, name: string) => SAMPLE_VARS[name] ?? '');

/** What is wrong with one box as the reader's language says it, checked as they type (the server checks again). */
function liveProblem(text: string, allowed: readonly string[], required: boolean, max: number): string | null {
  if (!text.trim()) return required ? t('templates.problem.required') : null;
  if (text.trim().length > max) return t('templates.problem.tooLong', { max });
  const issue = placeholderIssue(text, allowed);
  if (!issue) return null;
  if (issue.kind === 'brace') return t('templates.problem.brace');
  return t('templates.problem.unknown', {
    variables: issue.unknown.map((v) => `{${v}}`).join(', '),
    allowed: allowed.map((v) => `{${v}}`).join(' '),
  });
}

/** The refusals this screen knows, in the reader's language; anything else as the server worded it. */
function worded(failure: ShownError): ShownError {
  if (failure.code === 'invalid-argument') return { ...failure, message: t('templates.problem.some') };
  if (failure.code === 'failed-precondition') return { ...failure, message: t('templates.problem.stale') };
  return failure;
}

/**
 * The admin screen for message texts: what each notification says, in English, Sinhala and Tamil.
 * An administrator edits any text with the variables its kind carries, sees it filled with sample values and, for a
 * customer SMS, how many parts it costs; a text left empty in Sinhala or Tamil goes out in English, and is listed.
 */
export function TemplatesPage({ me }: { me: Me }) {
  const canEdit = me.role === 'admin';
  const [view, setView] = useState<NotificationTemplatesView | null>(null);
  const [draft, setDraft] = useState<TemplateTableView | null>(null);
  const [selected, setSelected] = useState<string>('');
  const [saveFailure, setFailure] = useState<ShownError | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, setPending] = useState(false);
  const lastFocus = useRef<
    Partial<Record<NotifyLanguage, { field: keyof TemplateView; el: HTMLInputElement | HTMLTextAreaElement }>>
  >({});

  const loadFailure = useFormSource('getNotificationTemplates', {}, (data) => {
    setView(data);
    setDraft(data.templates);
    setSelected((current) => current || Object.keys(data.variables)[0] || '');
  });
  const failure = saveFailure ?? loadFailure;

  if (!view || !draft) {
    return (
      <PageLoading
        id="templates-title"
        title={t('templates.title')}
        loading={t('templates.loading')}
        failure={failure}
      />
    );
  }

  const choices = messageChoices(view);
  const choice = choices.find((c) => c.key === selected) ?? choices[0]!;
  const allowed = view.variables[choice.kind] ?? [];
  const errors = failure?.fields ?? {};
  const errorOf = (language: NotifyLanguage, field: keyof TemplateView) => {
    const name = `${language}.${choice.key}.${field}`;
    return errors[name] ?? errors[`overrides.${name}`];
  };
  // Untranslated texts, from the draft: a translation typed here leaves the list at once.
  const missing = choices.flatMap((c) =>
    textOf(draft, 'en', c.key).body.trim()
      ? LANGUAGES.filter((l) => l !== 'en' && !textOf(draft, l, c.key).body.trim()).map((language) => ({
          language,
          choice: c,
        }))
      : [],
  );
  const hasEnglish = Boolean(textOf(draft, 'en', choice.key).body.trim());

  const edit = (language: NotifyLanguage, text: TemplateView) => {
    setSaved(false);
    setDraft((d) => (d ? withText(d, language, choice.key, text) : d));
    // What the server said about this text no longer applies once it is changed.
    const stale = [`${language}.${choice.key}.`, `overrides.${language}.${choice.key}.`];
    setFailure((f) =>
      f
        ? {
            ...f,
            fields: Object.fromEntries(Object.entries(f.fields).filter(([k]) => !stale.some((p) => k.startsWith(p)))),
          }
        : f,
    );
  };

  const insert = (language: NotifyLanguage, variable: string) => {
    const current = textOf(draft, language, choice.key);
    const focus = lastFocus.current[language];
    const field: keyof TemplateView = choice.customer ? 'body' : (focus?.field ?? 'body');
    const el = focus?.field === field ? focus.el : null;
    const value = current[field];
    const start = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? value.length;
    const next = insertAt(value, start, end, variable);
    edit(language, { ...current, [field]: next.text });
    // Back to the box, the cursor after what was inserted, once React has rendered the new text.
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(next.cursor, next.cursor);
    });
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setFailure(null);
    try {
      const data = await call('saveNotificationTemplates', {
        expectedVersion: view.version,
        overrides: overridesOf(draft, view.defaults),
      });
      setView(data);
      setDraft(data.templates);
      setSaved(true);
    } catch (error) {
      // What was typed stays; each error shows beside its box, those of other messages in the list below.
      setFailure(describeError(error));
    } finally {
      setPending(false);
    }
  };

  const shownFields = LANGUAGES.flatMap((l) =>
    (['subject', 'body'] as const).flatMap((f) => [`${l}.${choice.key}.${f}`, `overrides.${l}.${choice.key}.${f}`]),
  );

  return (
    <section aria-labelledby="templates-title" className="templates-page" data-testid="templates-page">
      <h1 id="templates-title">{t('templates.title')}</h1>
      <p>{canEdit ? t('templates.intro') : t('templates.introReadOnly')}</p>
      <p className="hint" data-testid="templates-version">
        {t('templates.version', { version: String(view.version) })}
        {view.updatedAt && <> · {t('templates.updated', { at: formatInstant(view.updatedAt) })}</>} ·{' '}
        <a href={hrefFor({ page: 'routing' })}>{t('templates.toRouting')}</a>
      </p>

      <div className="card" data-testid="templates-missing">
        <h2>{t('templates.missingTitle')}</h2>
        {missing.length === 0 ? (
          <p>{t('templates.missingNone')}</p>
        ) : (
          <ul className="templates-missing">
            {missing.map(({ language, choice: c }) => (
              <li key={`${language}-${c.key}`}>
                <button type="button" className="link-button" onClick={() => setSelected(c.key)}>
                  {choiceLabel(c)} — {LANGUAGE_NAMES[language]}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>

      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <div className="field">
          <label htmlFor="templates-message">{t('templates.message')}</label>
          <select
            id="templates-message"
            data-testid="templates-message"
            value={choice.key}
            onChange={(e) => setSelected(e.target.value)}
          >
            {choices.map((c) => (
              <option key={c.key} value={c.key}>
                {choiceLabel(c)}
                {isEdited(draft, view.defaults, c.key) ? ` (${t('templates.edited')})` : ''}
              </option>
            ))}
          </select>
        </div>
        <p className="hint" data-testid="templates-variables">
          {t('templates.variables', { variables: allowed.map((v) => `{${v}}`).join(' ') })}
        </p>
        {choice.customer && !hasEnglish && <p className="hint">{t('templates.noCustomerYet')}</p>}

        <div className="templates-languages">
          {LANGUAGES.map((language) => {
            const text = textOf(draft, language, choice.key);
            const shipped = view.defaults[language]?.[choice.key];
            const edited = isTextEdited(text, shipped);
            const id = `tpl-${language}`;
            // The check run here speaks the reader's language; the server's word stands where it knows more
            // (English first, a stale form).
            const subjectError =
              (!choice.customer && (language === 'en' || text.body.trim())
                ? liveProblem(text.subject, allowed, true, SUBJECT_MAX)
                : null) ?? errorOf(language, 'subject');
            const bodyError =
              liveProblem(
                text.body,
                allowed,
                // English always needs its text (a customer SMS once one ships); a translation once it has a subject.
                language === 'en' ? !choice.customer || Boolean(shipped) : Boolean(text.subject.trim()),
                BODY_MAX,
              ) ?? errorOf(language, 'body');
            const fallback = language !== 'en' && !text.body.trim();
            const shown = fallback ? textOf(draft, 'en', choice.key) : text;
            const parts = smsParts(fill(shown.body.trim()));
            return (
              <fieldset
                key={language}
                className="card templates-language"
                data-testid={`templates-${language}`}
                lang={language}
              >
                <legend>
                  {LANGUAGE_NAMES[language]}
                  {edited && <span className="badge">{t('templates.edited')}</span>}
                </legend>
                {!choice.customer && (
                  <div className={`field${subjectError ? ' field-invalid' : ''}`}>
                    <label htmlFor={`${id}-subject`}>{t('templates.subject')}</label>
                    <input
                      id={`${id}-subject`}
                      data-testid={`templates-${language}-subject`}
                      value={text.subject}
                      readOnly={!canEdit}
                      maxLength={SUBJECT_MAX * 2}
                      aria-invalid={subjectError ? true : undefined}
                      aria-describedby={subjectError ? `${id}-subject-error` : undefined}
                      onFocus={(e) => (lastFocus.current[language] = { field: 'subject', el: e.currentTarget })}
                      onChange={(e) => edit(language, { ...text, subject: e.target.value })}
                    />
                    {subjectError && (
                      <p
                        className="field-error"
                        id={`${id}-subject-error`}
                        data-testid={`templates-${language}-subject-error`}
                      >
                        {subjectError}
                      </p>
                    )}
                  </div>
                )}
                <div className={`field${bodyError ? ' field-invalid' : ''}`}>
                  <label htmlFor={`${id}-body`}>{choice.customer ? t('templates.sms') : t('templates.body')}</label>
                  <textarea
                    id={`${id}-body`}
                    data-testid={`templates-${language}-body`}
                    rows={Math.min(8, Math.max(3, Math.ceil(text.body.length / 36) + 1))}
                    value={text.body}
                    readOnly={!canEdit}
                    maxLength={BODY_MAX * 2}
                    aria-invalid={bodyError ? true : undefined}
                    aria-describedby={bodyError ? `${id}-body-error` : undefined}
                    onFocus={(e) => (lastFocus.current[language] = { field: 'body', el: e.currentTarget })}
                    onChange={(e) => edit(language, { ...text, body: e.target.value })}
                  />
                  {bodyError && (
                    <p className="field-error" id={`${id}-body-error`} data-testid={`templates-${language}-body-error`}>
                      {bodyError}
                    </p>
                  )}
                </div>
                {canEdit && (
                  <p className="templates-insert" role="group" aria-label={t('templates.insertGroup')}>
                    {allowed.map((v) => (
                      <button
                        key={v}
                        type="button"
                        className="chip"
                        aria-label={t('templates.insert', { variable: v })}
                        onClick={() => insert(language, v)}
                      >
                        {`{${v}}`}
                      </button>
                    ))}
                  </p>
                )}
                <div className="templates-preview" data-testid={`templates-${language}-preview`}>
                  <p className="hint">{fallback ? t('templates.previewFallback') : t('templates.preview')}</p>
                  {!choice.customer && <strong>{fill(shown.subject)}</strong>}
                  <p>{fill(shown.body) || '—'}</p>
                  {choice.customer && parts.parts > 0 && (
                    <p className="hint" data-testid={`templates-${language}-parts`}>
                      {t('templates.smsParts', { parts: parts.parts, length: parts.length, encoding: parts.encoding })}
                    </p>
                  )}
                </div>
                {canEdit && edited && (
                  <button
                    type="button"
                    className="link-button"
                    data-testid={`templates-${language}-reset`}
                    onClick={() => edit(language, shipped ?? { subject: '', body: '' })}
                  >
                    {shipped ? t('templates.reset') : t('templates.clear')}
                  </button>
                )}
              </fieldset>
            );
          })}
        </div>
        {failure && <FormError error={worded(failure)} shownFields={shownFields} />}
        {saved && (
          <p role="status" data-testid="templates-saved">
            {t('templates.saved', { version: String(view.version) })}
          </p>
        )}
        {canEdit && (
          <button type="submit" disabled={pending} data-testid="templates-save">
            {pending ? t('templates.saving') : t('templates.save')}
          </button>
        )}
      </form>
    </section>
  );
}
