import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Field } from '../../../components/ui/field';
import { LoadingState } from '../../../components/ui/loading-state';
import { useErrorMessage } from '../../../lib/use-error-message';
import type { PoliceTip } from '../../../shared/types/tip';
import { CaseStatusBadge } from '../../../shared/components/police-badges';
import { useCreateCase } from '../api/create-case';
import { useCase } from '../api/get-case';
import { useLinkableCases } from '../api/get-cases';
import { useLinkTipToCase } from '../api/link-tip';
import { useChangeCase } from '../api/update-case';
import { useDebounced } from '../../../lib/use-debounced';
import styles from '../../../styles/police.module.css';
import { CASE_TEXT } from '@hy/schemas/case-rules';

function LinkedCase({ tip, caseId }: { tip: PoliceTip; caseId: string }) {
  const { t } = useTranslation('police');
  const errorMessage = useErrorMessage();
  const kase = useCase(caseId);
  const unlink = useChangeCase(caseId);
  if (kase.isError) return <Alert tone="error">{errorMessage(kase.error)}</Alert>;
  if (!kase.data) return <LoadingState />;
  const c = kase.data;
  const isWorkable = c.status === 'open' || c.status === 'investigating';
  return (
    <>
      <p className={styles.row}>
        <span>{t('tip.linkedTo')}</span>
        <Link to={`/police/cases/${c.id}`}>
          {c.reference} · {c.title}
        </Link>
        <CaseStatusBadge status={c.status} />
      </p>
      <div className={styles.row}>
        <Link className="btn btn-secondary" to={`/police/cases/${c.id}`}>
          {t('tip.viewCase')}
        </Link>
        {isWorkable ? (
          <button type="button" className="btn btn-quiet" onClick={() => unlink.mutate({ kind: 'unlink', tipId: tip.id })} disabled={unlink.isPending}>
            {t('tip.unlink')}
          </button>
        ) : null}
      </div>
      {unlink.isError ? <Alert tone="error">{errorMessage(unlink.error)}</Alert> : null}
    </>
  );
}

function LinkToExistingCase({ tip }: { tip: PoliceTip }) {
  const { t } = useTranslation('police');
  const errorMessage = useErrorMessage();
  const name = useId();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const choices = useLinkableCases({ districtId: tip.districtId, q });
  const link = useLinkTipToCase();
  const [chosen, setChosen] = useState<string | null>(null);
  const isChosenListed = choices.cases.some((c) => c.id === chosen);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!chosen || !isChosenListed) return;
    link.mutate({ caseId: chosen, tipId: tip.id });
  };

  return (
    <form className="form" onSubmit={submit} aria-labelledby="link-case-title">
      <h3 id="link-case-title" className={styles.subheading}>
        {t('tip.linkExisting')}
      </h3>
      <Field id="case-search" label={t('tip.findCase')} hint={t('tip.findCaseHint')}>
        {(control) => <input {...control} className="input" type="search" value={search} maxLength={100} onChange={(e) => setSearch(e.target.value)} />}
      </Field>
      <fieldset className={styles.choices}>
        <legend className="visually-hidden">{t('tip.openCases')}</legend>
        {choices.isPending ? <LoadingState /> : null}
        {choices.error ? <Alert tone="error">{errorMessage(choices.error)}</Alert> : null}
        {!choices.isPending && !choices.error && choices.cases.length === 0 ? <p className={styles.hint}>{t('tip.noOpenCases')}</p> : null}
        {choices.cases.map((c) => (
          <label key={c.id} className={styles.choice}>
            <input type="radio" name={name} value={c.id} checked={chosen === c.id} onChange={() => setChosen(c.id)} />
            <span>
              <strong>{c.reference}</strong> · {c.title}
              <span className={styles.historyMeta}>
                {' '}
                · {t(`caseStatus.${c.status}`)} · {t('cases.tips', { count: c.tipCount })}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      {link.isError ? <Alert tone="error">{errorMessage(link.error)}</Alert> : null}
      <button type="submit" className="btn btn-primary" disabled={link.isPending || !isChosenListed}>
        {t('tip.linkToCase')}
      </button>
    </form>
  );
}

function CreateCaseFromTip({ tip }: { tip: PoliceTip }) {
  const { t } = useTranslation('police');
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const create = useCreateCase();
  const [title, setTitle] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (title.trim().length < 2) return;
    // The tip's district, so an admin (who has none) opens the case where the tip is.
    create.mutate({ title: title.trim(), districtId: tip.districtId, tipIds: [tip.id] }, { onSuccess: (c) => navigate(`/police/cases/${c.id}`) });
  };
  return (
    <form className="form" onSubmit={submit} aria-labelledby="new-case-title">
      <h3 id="new-case-title" className={styles.subheading}>
        {t('tip.newCase')}
      </h3>
      <Field id="case-title" label={t('tip.caseTitle')} isRequired>
        {(control) => <input {...control} className="input" value={title} maxLength={CASE_TEXT.titleMax} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      {create.isError ? <Alert tone="error">{errorMessage(create.error)}</Alert> : null}
      <button type="submit" className="btn btn-secondary" disabled={create.isPending || title.trim().length < 2}>
        {t('tip.createCase')}
      </button>
    </form>
  );
}

/** A valid tip's case: the linked one, or a picker of the district's open cases and a form for a new one. */
export function TipCasePanel({ tip }: { tip: PoliceTip }) {
  if (tip.caseId) return <LinkedCase tip={tip} caseId={tip.caseId} />;
  return (
    <>
      <LinkToExistingCase tip={tip} />
      <hr className={styles.divider} />
      <CreateCaseFromTip tip={tip} />
    </>
  );
}
