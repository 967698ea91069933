import type { PortalJob } from '../../../server/portal/portal-view.ts';
import { JOB_STAGE_FLOW } from '../../../server/domain/labels.ts';
import { usePortal } from '../context.ts';
import { formatDateRange, formatDateTime } from '../format.ts';
import type { MessageKey } from '../i18n.ts';
import { paths, type JobsTab } from '../router.ts';
import { DocumentList, Empty, Facts, Page, Section, StageChip } from '../ui.tsx';
import { JobCard } from './home.tsx';

const TABS: Array<[JobsTab, MessageKey, MessageKey]> = [
  ['active', 'jobs.active', 'jobs.emptyActive'],
  ['upcoming', 'jobs.upcoming', 'jobs.emptyUpcoming'],
  ['past', 'jobs.past', 'jobs.emptyPast'],
];

export function Jobs({ tab }: { tab: JobsTab }) {
  const { view, t, navigate, href } = usePortal();
  const jobs = view.jobs.filter((j) => j.timing === tab);
  const emptyKey = TABS.find(([k]) => k === tab)![2];
  return (
    <Page title={t('jobs.title')}>
      <nav class="tabs" aria-label={t('jobs.tabsLabel')}>
        {TABS.map(([key, label]) => {
          const count = view.jobs.filter((j) => j.timing === key).length;
          return (
            <a
              key={key}
              href={href(paths.jobs(key))}
              class={key === tab ? 'tab tab-on' : 'tab'}
              aria-current={key === tab ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                navigate(paths.jobs(key), { replace: true });
              }}
            >
              {t(label)} <span class="count">{count}</span>
            </a>
          );
        })}
      </nav>
      {jobs.length ? (
        <ul class="stack">
          {jobs.map((j) => (
            <JobCard key={j.id} job={j} />
          ))}
        </ul>
      ) : (
        <Empty text={t(emptyKey)} />
      )}
    </Page>
  );
}

function Timeline({ job }: { job: PortalJob }) {
  const { lang, t } = usePortal();
  const history = [...job.history];
  const last = history[history.length - 1];
  if (!last || last.stage !== job.stage) history.push({ stage: job.stage, at: '', note: null });
  // The shared stage order only greys out the steps still to come; 'cancelled' is not on it.
  const currentIndex = (JOB_STAGE_FLOW as readonly string[]).indexOf(job.stage);
  const remaining = currentIndex < 0 ? [] : JOB_STAGE_FLOW.slice(currentIndex + 1);
  const suffix = t('app.timeSuffix');
  return (
    <ol class="timeline">
      {history.map((h, i) => {
        const current = i === history.length - 1;
        return (
          <li
            key={`${h.stage}-${h.at}-${i}`}
            class={current ? `tl tl-current${h.stage === 'cancelled' ? ' tl-cancelled' : ''}` : 'tl tl-done'}
            aria-current={current ? 'step' : undefined}
          >
            <span class="tl-dot" aria-hidden="true" />
            <div class="tl-body">
              <span class="tl-label">{t(`stage.${h.stage}`)}</span>
              {current && <span class="sr-only"> ({t('job.currentStep')})</span>}
              {h.at && (
                <time class="muted small block" dateTime={h.at}>
                  {formatDateTime(lang, h.at, suffix)}
                </time>
              )}
              {h.note && <p class="tl-note">{h.note}</p>}
            </div>
          </li>
        );
      })}
      {remaining.map((stage) => (
        <li key={stage} class="tl tl-todo">
          <span class="tl-dot" aria-hidden="true" />
          <div class="tl-body">
            <span class="tl-label">{t(`stage.${stage}`)}</span>
            <span class="sr-only"> ({t('job.pendingStep')})</span>
          </div>
        </li>
      ))}
    </ol>
  );
}

export function JobPage({ id }: { id: string }) {
  const { view, lang, t, live } = usePortal();
  const job = view.jobs.find((j) => j.id === id);
  if (!job)
    return (
      <Page title={t('job.notFound')} back={paths.jobs()}>
        {null}
      </Page>
    );
  const dates = formatDateRange(lang, job.startDate, job.endDate);
  return (
    <Page
      title={job.title}
      back={paths.jobs(job.timing)}
      sub={
        <p class="row muted">
          <span>{job.number}</span>
          <StageChip stage={job.stage} />
        </p>
      }
    >
      <Section
        title={t('job.progress')}
        action={
          live !== 'off' && (
            <span class={`live live-${live}`} role="status">
              {t(live === 'reconnecting' ? 'job.reconnecting' : 'job.live')}
            </span>
          )
        }
      >
        <div class="card">
          <Timeline job={job} />
        </div>
      </Section>
      {(dates || job.siteAddress) && (
        <div class="card">
          <Facts stacked rows={[dates ? [t('job.dates'), dates] : false, job.siteAddress ? [t('job.site'), job.siteAddress] : false]} />
        </div>
      )}
      {job.equipment.length > 0 && (
        <Section title={t('job.equipment')}>
          <ul class="card equipment">
            {job.equipment.map((e, i) => (
              <li key={i}>
                <span>{e.name}</span>
                <span class="qty">× {e.quantity}</span>
              </li>
            ))}
          </ul>
        </Section>
      )}
      {job.documentIds.length > 0 && (
        <Section title={t('job.documents')}>
          <DocumentList ids={job.documentIds} />
        </Section>
      )}
    </Page>
  );
}
