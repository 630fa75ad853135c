import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Field } from '../../../components/ui/field';
import { isApiError } from '../../../lib/api-error';
import { localizedName } from '../../../lib/format';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useLanguage } from '../../../lib/use-language';
import { useCreateReward } from '../api/create-reward';
import type { ManagedCommunity } from '@hy/schemas/organizer';
import type { ManagedReward } from '@hy/schemas/rewards';
import { useUpdateReward } from '../api/update-reward';
import {
  changesOf,
  draftOf,
  emptyDraft,
  fieldsOf,
  REWARD_LIMITS,
  rewardFieldOf,
  rewardFieldOrder,
  validateRewardDraft,
  type RewardDraft,
  type RewardField,
  type RewardIssue,
  type RewardIssues,
} from '../draft/reward-draft';
import css from './organizer.module.css';

type Props =
  | { mode: 'create'; communities: ManagedCommunity[]; onDone: (message: string) => void; onCancel: () => void }
  | { mode: 'edit'; reward: ManagedReward; onDone: (message: string) => void; onCancel: () => void };

/** Creates a reward for one of the organizer's communities, or edits one: checked here first, then the API's 400 details next to their field. */
export function RewardForm(props: Props) {
  const { t } = useTranslation('points');
  const { t: tc } = useTranslation();
  const language = useLanguage();
  const errorMessage = useErrorMessage();
  const create = useCreateReward();
  const update = useUpdateReward();
  const formRef = useRef<HTMLFormElement>(null);
  const idPrefix = props.mode === 'edit' ? `reward-${props.reward.id}` : 'reward-new';
  const communities = props.mode === 'create' ? props.communities : [];
  const [draft, setDraft] = useState<RewardDraft>(() => (props.mode === 'edit' ? draftOf(props.reward) : emptyDraft(communities[0]?.id)));
  const [issues, setIssues] = useState<RewardIssues>({});
  const [serverIssues, setServerIssues] = useState<Partial<Record<RewardField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const isPending = create.isPending || update.isPending;

  const id = (field: RewardField) => `${idPrefix}-${field}`;
  const set = (field: RewardField, value: string | boolean) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setIssues((i) => ({ ...i, [field]: undefined }));
    setServerIssues((i) => ({ ...i, [field]: undefined }));
  };
  const message = (issue: RewardIssue): string => {
    switch (issue.kind) {
      case 'tooLong':
        return t('catalogue.errors.tooLong', { max: issue.max });
      case 'range':
        return t('catalogue.errors.range', { min: issue.min, max: issue.max });
      default:
        return t(`catalogue.errors.${issue.kind}`);
    }
  };
  const errorOf = (field: RewardField): string | null => {
    const issue = issues[field];
    return issue ? message(issue) : (serverIssues[field] ?? null);
  };
  const focusFirst = (fields: RewardField[]) => {
    const first = rewardFieldOrder.find((f) => fields.includes(f));
    if (first) requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>(`#${CSS.escape(id(first))}`)?.focus());
  };

  const onError = (error: unknown) => {
    if (isApiError(error) && error.status === 400 && error.fieldIssues.length > 0) {
      const byField: Partial<Record<RewardField, string>> = {};
      const others: string[] = [];
      for (const issue of error.fieldIssues) {
        const field = rewardFieldOf(issue.field.split(/[.[]/)[0] ?? issue.field);
        if (field) byField[field] ??= tc('errors.fieldInvalid');
        else others.push(errorMessage(error));
      }
      setServerIssues(byField);
      setFormError(others.length > 0 ? others[0] : t('catalogue.form.fixErrors'));
      focusFirst(Object.keys(byField) as RewardField[]);
      return;
    }
    setFormError(errorMessage(error));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    setServerIssues({});
    const found = validateRewardDraft(draft, { needsCommunity: props.mode === 'create' });
    setIssues(found);
    if (Object.keys(found).length > 0) {
      setFormError(t('catalogue.form.fixErrors'));
      focusFirst(Object.keys(found) as RewardField[]);
      return;
    }
    const name = localizedName(fieldsOf(draft), language);
    if (props.mode === 'create') {
      create.mutate(
        { ...fieldsOf(draft), communityId: Number(draft.communityId) },
        { onSuccess: () => props.onDone(t('catalogue.created', { name })), onError },
      );
      return;
    }
    const changes = changesOf(props.reward, draft);
    if (Object.keys(changes).length === 0) {
      props.onDone(t('catalogue.noChanges'));
      return;
    }
    update.mutate({ id: props.reward.id, changes }, { onSuccess: () => props.onDone(t('catalogue.updated', { name })), onError });
  };

  const titleId = `${idPrefix}-title`;
  const text = (field: 'nameZh' | 'nameEn', label: string) => (
    <Field id={id(field)} label={label} error={errorOf(field)} isRequired>
      {(control) => (
        <input
          {...control}
          className="input"
          type="text"
          lang={field === 'nameZh' ? 'zh-CN' : 'en'}
          value={draft[field]}
          onChange={(e) => set(field, e.target.value)}
        />
      )}
    </Field>
  );
  const description = (field: 'descriptionZh' | 'descriptionEn', label: string) => (
    <Field
      id={id(field)}
      label={label}
      error={errorOf(field)}
      aside={
        <span className={`counter ${draft[field].trim().length > REWARD_LIMITS.description ? 'is-over' : ''}`}>
          {draft[field].trim().length}/{REWARD_LIMITS.description}
        </span>
      }
    >
      {(control) => (
        <textarea
          {...control}
          className={`textarea ${css.shortTextarea}`}
          lang={field === 'descriptionZh' ? 'zh-CN' : 'en'}
          value={draft[field]}
          onChange={(e) => set(field, e.target.value)}
        />
      )}
    </Field>
  );
  const number = (field: 'cost' | 'stock', label: string, hint: string) => (
    <Field id={id(field)} label={label} hint={hint} error={errorOf(field)} isRequired>
      {(control) => (
        <input
          {...control}
          className="input"
          type="number"
          inputMode="numeric"
          step={1}
          min={REWARD_LIMITS[field].min}
          max={REWARD_LIMITS[field].max}
          value={draft[field]}
          onChange={(e) => set(field, e.target.value)}
        />
      )}
    </Field>
  );
  const date = (field: 'activeFrom' | 'activeUntil', label: string) => (
    <Field id={id(field)} label={label} hint={t('catalogue.form.windowHint')} error={errorOf(field)}>
      {(control) => (
        <input {...control} className="input" type="datetime-local" value={draft[field]} onChange={(e) => set(field, e.target.value)} />
      )}
    </Field>
  );

  return (
    <form ref={formRef} className={`form ${css.rewardForm}`} onSubmit={submit} noValidate aria-labelledby={titleId}>
      <h3 className={css.formTitle} id={titleId}>
        {props.mode === 'edit' ? t('catalogue.form.editTitle', { name: localizedName(props.reward, language) }) : t('catalogue.form.createTitle')}
      </h3>
      {formError ? (
        <Alert tone="error">
          <p>{formError}</p>
        </Alert>
      ) : null}
      {props.mode === 'create' && communities.length > 1 ? (
        <Field id={id('communityId')} label={t('catalogue.form.community')} error={errorOf('communityId')} isRequired>
          {(control) => (
            <select {...control} className="select" value={draft.communityId} onChange={(e) => set('communityId', e.target.value)}>
              {communities.map((c) => (
                <option key={c.id} value={c.id}>
                  {localizedName(c, language)}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : props.mode === 'create' ? (
        <p className={css.muted}>
          {t('catalogue.form.forCommunity', { community: communities[0] ? localizedName(communities[0], language) : '—' })}
        </p>
      ) : null}
      {props.mode === 'create' && communities.length <= 1 && errorOf('communityId') ? (
        <p className="field-error">{errorOf('communityId')}</p>
      ) : null}
      <div className={css.formGrid}>
        {text('nameZh', t('catalogue.form.nameZh'))}
        {text('nameEn', t('catalogue.form.nameEn'))}
        {description('descriptionZh', t('catalogue.form.descriptionZh'))}
        {description('descriptionEn', t('catalogue.form.descriptionEn'))}
        {number('cost', t('catalogue.form.cost'), t('catalogue.form.costHint', REWARD_LIMITS.cost))}
        {number('stock', t('catalogue.form.stock'), t('catalogue.form.stockHint', { max: REWARD_LIMITS.stock.max }))}
        {date('activeFrom', t('catalogue.form.activeFrom'))}
        {date('activeUntil', t('catalogue.form.activeUntil'))}
      </div>
      <div className="checkbox-field">
        <input
          id={id('isActive')}
          type="checkbox"
          checked={draft.isActive}
          aria-describedby={`${id('isActive')}-hint`}
          onChange={(e) => set('isActive', e.target.checked)}
        />
        <label htmlFor={id('isActive')}>{t('catalogue.form.isActive')}</label>
        <p className="field-hint" id={`${id('isActive')}-hint`}>
          {t('catalogue.form.isActiveHint')}
        </p>
        {errorOf('isActive') ? <p className="field-error">{errorOf('isActive')}</p> : null}
      </div>
      <div className={css.formActions}>
        <button type="button" className="btn btn-secondary" onClick={props.onCancel} disabled={isPending}>
          {t('catalogue.form.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={isPending}>
          {props.mode === 'edit' ? t('catalogue.form.save') : t('catalogue.form.create')}
        </button>
      </div>
    </form>
  );
}
