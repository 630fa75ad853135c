import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Field } from '../../../components/ui/field';
import { QueryFallback } from '../../../components/ui/query-fallback';
import { issuesByField, isApiError } from '../../../lib/api-error';
import { formatDateTime, toDateTimeLocal } from '../../../lib/format';
import { useLanguage } from '../../../lib/use-language';
import { DistrictSelect } from '../../../shared/components/district-select';
import type { User } from '../../../shared/types/user';
import { useCreateCampaign, type CreateCampaign } from '../api/create-campaign';
import { getAttendanceCsv, useAttendance } from '../api/get-attendance';
import { useCampaigns } from '../api/get-campaigns';
import { CAMPAIGN_KINDS, type CampaignKind } from '@hy/schemas/campaign-rules';
import type { Campaign } from '@hy/schemas/campaigns';
import '../campaigns-i18n';
import { CampaignSummary } from './campaign-list';
import { currentPosition } from './position';
import styles from './campaigns.module.css';
import { useCampaignError } from './use-campaign-error';

/** Organizers' and police desks: post a campaign, follow attendance live, export it. */
export function CampaignDesk({ me }: { me: User }) {
  const { t } = useTranslation('campaigns');
  const filter =
    me.role === 'organizer' && me.communityId !== null
      ? { communityId: me.communityId, status: 'active,upcoming,past' }
      : me.districtId !== null
        ? { districtId: me.districtId, status: 'active,upcoming,past' }
        : { status: 'active,upcoming,past' };
  const query = useCampaigns(filter);
  return (
    <>
      <h1 className="page-title">{t('desk.title')}</h1>
      <NewCampaignForm isAdmin={me.role === 'admin'} />
      <h2>{t('desk.list')}</h2>
      {query.data ? (
        <ul className={styles.list}>
          {query.data.pages
            .flatMap((p) => p.campaigns)
            .map((c) => (
              <li key={c.id} className="card">
                <DeskCampaign campaign={c} />
              </li>
            ))}
        </ul>
      ) : (
        <QueryFallback query={query} />
      )}
      {query.hasNextPage ? (
        <button type="button" className="btn btn-secondary btn-block" onClick={() => void query.fetchNextPage()}>
          {t('loadMore')}
        </button>
      ) : null}
    </>
  );
}

function DeskCampaign({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation('campaigns');
  const [isOpen, setOpen] = useState(false);
  return (
    <>
      <CampaignSummary campaign={campaign} isHeading={false} />
      <div className={styles.deskRow}>
        <button type="button" className="btn btn-secondary" aria-expanded={isOpen} onClick={() => setOpen(!isOpen)}>
          {isOpen ? t('desk.hideAttendance') : t('desk.attendance')}
        </button>
        <ExportCsv campaign={campaign} />
      </div>
      {isOpen ? <AttendanceTable id={campaign.id} /> : null}
    </>
  );
}

function ExportCsv({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation('campaigns');
  const message = useCampaignError();
  const [error, setError] = useState<unknown>(null);
  const download = async () => {
    setError(null);
    try {
      const url = URL.createObjectURL(await getAttendanceCsv(campaign.id));
      const a = document.createElement('a');
      a.href = url;
      a.download = `campaign-${campaign.id}-attendance.csv`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <button type="button" className="btn btn-secondary" onClick={() => void download()}>
        {t('desk.exportCsv')}
      </button>
      {error ? <Alert tone="error">{message(error)}</Alert> : null}
    </>
  );
}

function AttendanceTable({ id }: { id: string }) {
  const { t } = useTranslation('campaigns');
  const language = useLanguage();
  const query = useAttendance(id);
  if (!query.data) return <QueryFallback query={query} />;
  const { totals, attendance } = query.data;
  const time = (iso: string | null) => (iso ? formatDateTime(iso, language) : '–');
  return (
    <>
      <p className={styles.meta} aria-live="polite">
        {t('desk.totals', { joined: totals.joined, checkedIn: totals.checkedIn, checkedOut: totals.checkedOut, points: totals.pointsAwarded })}
      </p>
      {attendance.length === 0 ? (
        <p>{t('desk.nobody')}</p>
      ) : (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">{t('desk.columns.volunteer')}</th>
                <th scope="col">{t('desk.columns.checkedIn')}</th>
                <th scope="col">{t('desk.columns.checkedOut')}</th>
                <th scope="col">{t('desk.columns.minutes')}</th>
                <th scope="col">{t('desk.columns.points')}</th>
              </tr>
            </thead>
            <tbody>
              {attendance.map((a) => (
                <tr key={a.volunteer.id}>
                  <td>{a.volunteer.displayName}</td>
                  <td>{time(a.checkedInAt)}</td>
                  <td>{time(a.checkedOutAt)}</td>
                  <td>{a.minutes}</td>
                  <td>{a.pointsAwarded}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}


function NewCampaignForm({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation('campaigns');
  const { t: tc } = useTranslation();
  const message = useCampaignError();
  const create = useCreateCampaign();
  const hour = 3_600_000;
  const [form, setForm] = useState({
    title: '',
    kind: 'patrol' as CampaignKind,
    description: '',
    startsAt: toDateTimeLocal(new Date(Date.now() + hour)),
    endsAt: toDateTimeLocal(new Date(Date.now() + 3 * hour)),
    address: '',
    lat: '',
    lng: '',
    radiusM: '200',
    capacity: '',
    points: '10',
    districtId: '',
  });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const issues: Record<string, string> =
    create.error && isApiError(create.error)
      ? Object.fromEntries(Object.keys(issuesByField(create.error)).map((field) => [field, tc('errors.fieldInvalid')]))
      : {};
  const fillPosition = async () => {
    try {
      const fix = await currentPosition();
      setForm((f) => ({ ...f, lat: fix.lat.toFixed(6), lng: fix.lng.toFixed(6) }));
    } catch {
      // the fields stay editable: type the coordinates instead
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input: CreateCampaign = {
      title: form.title,
      kind: form.kind,
      description: form.description,
      startsAt: new Date(form.startsAt).toISOString(),
      endsAt: new Date(form.endsAt).toISOString(),
      address: form.address,
      lat: Number(form.lat),
      lng: Number(form.lng),
      radiusM: Number(form.radiusM),
      capacity: form.capacity.trim() ? Number(form.capacity) : null,
      points: Number(form.points),
      ...(isAdmin && form.districtId ? { districtId: Number(form.districtId) } : {}),
    };
    create.mutate(input);
  };
  const text = (key: 'title' | 'address', isRequired = true) => (
    <Field id={`campaign-${key}`} label={t(`desk.fields.${key}`)} error={issues[key]} isRequired={isRequired}>
      {(control) => <input {...control} className="input" value={form[key]} onChange={set(key)} />}
    </Field>
  );
  const number = (key: 'lat' | 'lng' | 'radiusM' | 'capacity' | 'points', step = '1') => (
    <Field id={`campaign-${key}`} label={t(`desk.fields.${key}`)} error={issues[key]} isRequired={key !== 'capacity'}>
      {(control) => <input {...control} required={key !== 'capacity'} className="input" type="number" step={step} inputMode="decimal" value={form[key]} onChange={set(key)} />}
    </Field>
  );
  return (
    <details className="card">
      <summary>
        <h2 style={{ display: 'inline' }}>{t('desk.new')}</h2>
      </summary>
      <form onSubmit={submit} noValidate>
        {create.isSuccess ? <Alert tone="success">{t('desk.created')}</Alert> : null}
        {create.isError && Object.keys(issues).length === 0 ? <Alert tone="error">{message(create.error)}</Alert> : null}
        <div className={styles.formGrid}>
          {text('title')}
          <Field id="campaign-kind" label={t('desk.fields.kind')} isRequired>
            {(control) => (
              <select {...control} className="input" value={form.kind} onChange={set('kind')}>
                {CAMPAIGN_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`kind.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="campaign-startsAt" label={t('desk.fields.startsAt')} error={issues.startsAt} isRequired>
            {(control) => <input {...control} className="input" type="datetime-local" value={form.startsAt} onChange={set('startsAt')} />}
          </Field>
          <Field id="campaign-endsAt" label={t('desk.fields.endsAt')} error={issues.endsAt} isRequired>
            {(control) => <input {...control} className="input" type="datetime-local" value={form.endsAt} onChange={set('endsAt')} />}
          </Field>
          {text('address')}
          {number('lat', 'any')}
          {number('lng', 'any')}
          {number('radiusM')}
          {number('capacity')}
          {number('points')}
          {isAdmin ? (
            <Field id="campaign-district" label={t('desk.fields.district')} error={issues.districtId}>
              {(control) => <DistrictSelect {...control} value={form.districtId} onChange={(districtId) => setForm({ ...form, districtId })} />}
            </Field>
          ) : null}
        </div>
        <Field id="campaign-description" label={t('desk.fields.description')} error={issues.description}>
          {(control) => <textarea {...control} className="input" rows={3} value={form.description} onChange={set('description')} />}
        </Field>
        <div className={styles.deskRow}>
          <button type="button" className="btn btn-secondary" onClick={() => void fillPosition()}>
            {t('desk.useMyLocation')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={create.isPending}>
            {t('desk.create')}
          </button>
        </div>
      </form>
    </details>
  );
}
