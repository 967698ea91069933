/** Jobs board by stage: pick a stage, see its jobs, move one on with a note. */
import { useState } from 'preact/hooks';
import { JOB_STAGES, type JobStage } from '../../../server/domain/labels.ts';
import { enc } from '../api.ts';
import { useStaff } from '../context.ts';
import { formatDate } from '../format.ts';
import { useLoad } from '../load.ts';
import { paths } from '../router.ts';
import type { JobItem, Page as ListPage } from '../types.ts';
import { ErrorLine, Link, Loading, Page } from '../ui.tsx';
import { JobInvoiceLink } from './job-invoice-link.tsx';
import { JobMover } from './job-mover.tsx';

export function Jobs() {
  const { t, lang } = useStaff();
  const [stage, setStage] = useState<JobStage>(() => {
    const asked = new URLSearchParams(location.search).get('stage');
    return (JOB_STAGES as readonly string[]).includes(asked ?? '') ? (asked as JobStage) : 'new';
  });
  const loaded = useLoad<ListPage<JobItem>>(`/jobs?stage=${enc(stage)}&limit=100`);
  const choose = (next: JobStage) => {
    history.replaceState(null, '', `${paths.jobs()}?stage=${next}`);
    setStage(next);
  };
  return (
    <Page title={t('jobs.title')}>
      <nav class="stages" aria-label={t('jobs.stages')}>
        {JOB_STAGES.map((s) => (
          <button key={s} type="button" class={s === stage ? 'primary' : undefined} aria-pressed={s === stage} onClick={() => choose(s)}>
            {t(`stage.${s}`)}
          </button>
        ))}
      </nav>
      <section class="card" aria-live="polite" aria-label={t(`stage.${stage}`)}>
        {loaded.state === 'loading' && <Loading />}
        {loaded.state === 'error' && <ErrorLine error={loaded.error} />}
        {loaded.state === 'ok' &&
          (loaded.data.items.length === 0 ? (
            <p class="muted">{t('today.nothing')}</p>
          ) : (
            <ul class="list">
              {loaded.data.items.map((job) => (
                <li key={job.id}>
                  <Link to={paths.customer(job.customerId)} class="row-link">
                    <span>
                      {job.number} · {job.title}
                      <small>
                        {job.customerName}
                        {job.startDate ? ` · ${formatDate(lang, job.startDate)}` : ''}
                      </small>
                    </span>
                    <span aria-hidden="true">›</span>
                  </Link>
                  <JobMover job={job} onMoved={() => loaded.reload()} />
                  <JobInvoiceLink customerId={job.customerId} jobId={job.id} jobNumber={job.number} />
                </li>
              ))}
            </ul>
          ))}
      </section>
    </Page>
  );
}
