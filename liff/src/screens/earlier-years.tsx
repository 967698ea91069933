/**
 * A customer's settled history before what the page embeds: one Buddhist-era year at a time,
 * fetched when the client opens it, listed a page at a time ("show more"), so a customer with
 * years of documents gets a small first page.
 */
import { useState } from 'preact/hooks';
import type { PortalHistoryYear } from '../../../server/portal/portal-view.ts';
import { fetchHistoryYear } from '../api.ts';
import { usePortal } from '../context.ts';
import { DocumentRow, Empty, Section } from '../ui.tsx';

const PAGE = 30;
const BUDDHIST_ERA_OFFSET = 543;

type YearState = { kind: 'loading' } | { kind: 'error' } | { kind: 'loaded'; page: PortalHistoryYear; shown: number };

export function EarlierYears() {
  const { view, token, lang, t } = usePortal();
  const [open, setOpen] = useState<number | null>(null);
  const [years, setYears] = useState<Record<number, YearState>>({});
  if (!view.earlierYears?.length) return null;

  const load = async (year: number, again = false) => {
    setOpen(year);
    if (!again && (years[year]?.kind === 'loaded' || years[year]?.kind === 'loading')) return;
    setYears((s) => ({ ...s, [year]: { kind: 'loading' } }));
    const page = await fetchHistoryYear(token, year);
    setYears((s) => ({ ...s, [year]: page ? { kind: 'loaded', page, shown: PAGE } : { kind: 'error' } }));
  };
  const yearLabel = (year: number) => t('history.year', { year: lang === 'th' ? year : year - BUDDHIST_ERA_OFFSET });
  const state = open === null ? null : years[open];

  return (
    <Section title={t('history.title')}>
      <p class="muted small">{t('history.hint')}</p>
      <div class="quick-links">
        {view.earlierYears.map((year) => (
          <button
            key={year}
            type="button"
            class={`btn ${open === year ? 'btn-soft' : 'btn-quiet'}`}
            aria-pressed={open === year}
            onClick={() => void load(year)}
          >
            {yearLabel(year)}
          </button>
        ))}
      </div>
      <div aria-live="polite">
        {state?.kind === 'loading' && <p class="muted">{t('app.loading')}</p>}
        {state?.kind === 'error' && open !== null && (
          <p>
            {t('history.error')}{' '}
            <button type="button" class="btn btn-small btn-quiet" onClick={() => void load(open, true)}>
              {t('error.retry')}
            </button>
          </p>
        )}
        {state?.kind === 'loaded' && open !== null && (
          <YearDocuments year={open} state={state} label={yearLabel(open)} onMore={(shown) => setYears((s) => ({ ...s, [open]: { ...state, shown } }))} />
        )}
      </div>
    </Section>
  );
}

function YearDocuments(props: { year: number; label: string; state: Extract<YearState, { kind: 'loaded' }>; onMore: (shown: number) => void }) {
  const { t } = usePortal();
  const { documents } = props.state.page;
  if (!documents.length) return <Empty text={t('history.empty')} />;
  const rest = documents.length - props.state.shown;
  return (
    <>
      <h3 class="small">
        {props.label} · {t('history.count', { count: documents.length })}
      </h3>
      <ul class="docs card">
        {documents.slice(0, props.state.shown).map((d) => (
          <DocumentRow key={d.id} doc={d} />
        ))}
      </ul>
      {rest > 0 && (
        <p class="center">
          <button type="button" class="btn btn-quiet" onClick={() => props.onMore(props.state.shown + PAGE)}>
            {t('history.showMore', { count: Math.min(PAGE, rest) })}
          </button>
        </p>
      )}
    </>
  );
}
