/**
 * A new quote or invoice on the phone: lines (quantity in days or units), discount, VAT mode,
 * withholding, deposit, valid-until / due date. The totals under the form are computed as the
 * staff member types by server/domain/totals.ts, the code the server prices the document with.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { allowedVatModes, tryComputeTotals, vatRateFor, withholdingBasisPointsOf, type Totals, type VatMode } from '../../../server/domain/totals.ts';
import { api, enc, type ApiError } from '../api.ts';
import { useStaff } from '../context.ts';
import { bahtInput, bangkokDay, satangOf } from '../format.ts';
import type { MessageKey, Translate } from '../i18n.ts';
import { recent, useLoad } from '../load.ts';
import { navigate, paths } from '../router.ts';
import type { BusinessDto, CustomerSummaryDto, InvoiceDto, JobDto, QuoteDto } from '../types.ts';
import { ErrorLine, Field, Loading, Money, Page, Section, Select } from '../ui.tsx';

type Unit = 'units' | 'days';
interface LineDraft {
  description: string;
  quantity: string;
  unit: Unit;
  unitPrice: string;
}
interface Draft {
  lines: LineDraft[];
  discount: string;
  vatMode: VatMode;
  withholding: string;
  deposit: string;
  date: string;
  notes: string;
}

const emptyLine = (): LineDraft => ({ description: '', quantity: '1', unit: 'units', unitPrice: '' });

/** The day unit travels in the line's description (in the customer's language), so PDFs and the portal print it. */
const DAY_SUFFIX = { th: ' (วัน)', en: ' (days)' } as const;

function lineDescription(line: LineDraft, customerLang: 'th' | 'en'): string {
  const text = line.description.trim();
  return line.unit === 'days' && !/\((วัน|days)\)$/.test(text) ? `${text}${DAY_SUFFIX[customerLang]}` : text;
}

const DAY_SUFFIX_PATTERN = / \((วัน|days)\)$/;

/** A saved document's pricing as the form's text; a line that ends in the day suffix is a line in days. */
function pricingOf(doc: QuoteDto | InvoiceDto): Partial<Draft> {
  return {
    lines: (doc.lines ?? []).map((l) => ({
      description: l.description.replace(DAY_SUFFIX_PATTERN, ''),
      quantity: String(l.quantity),
      unit: DAY_SUFFIX_PATTERN.test(l.description) ? 'days' : 'units',
      unitPrice: bahtInput(l.unitPriceSatang),
    })),
    discount: doc.discountSatang ? bahtInput(doc.discountSatang) : '',
    vatMode: doc.vatMode,
    withholding: doc.withholdingBasisPoints ? String(doc.withholdingBasisPoints / 100) : '',
  };
}

/** A draft being edited: its pricing, and its own date, deposit and notes. */
function draftOf(kind: 'quote' | 'invoice', doc: QuoteDto | InvoiceDto): Partial<Draft> {
  const quote = kind === 'quote' ? (doc as QuoteDto) : null;
  return {
    ...pricingOf(doc),
    date: quote ? quote.validUntil : (doc as InvoiceDto).dueDate,
    deposit: quote?.depositSatang ? bahtInput(quote.depositSatang) : '',
    notes: doc.notes ?? '',
  };
}

/** What the form's text becomes for the server, or the first field that is not a number. */
function readDraft(d: Draft, customerLang: 'th' | 'en'): { ok: true; body: Record<string, unknown>; totals: Totals } | { ok: false; field: string } {
  const lines = [];
  for (const [i, line] of d.lines.entries()) {
    const quantity = Number(line.quantity.trim().replace(/,/g, ''));
    if (line.quantity.trim() === '' || !Number.isFinite(quantity)) return { ok: false, field: `lines.${i}.quantity` };
    const unitPriceSatang = satangOf(line.unitPrice);
    if (unitPriceSatang === null) return { ok: false, field: `lines.${i}.unitPriceSatang` };
    lines.push({ description: lineDescription(line, customerLang), quantity, unitPriceSatang });
  }
  const discountSatang = d.discount.trim() === '' ? 0 : satangOf(d.discount);
  if (discountSatang === null) return { ok: false, field: 'discountSatang' };
  const withholdingPercent = d.withholding.trim() === '' ? 0 : Number(d.withholding);
  const withholdingBasisPoints = Number.isFinite(withholdingPercent) ? withholdingBasisPointsOf(withholdingPercent) : null;
  if (withholdingBasisPoints === null) return { ok: false, field: 'withholdingPercent' };
  const depositSatang = d.deposit.trim() === '' ? 0 : satangOf(d.deposit);
  if (depositSatang === null) return { ok: false, field: 'depositSatang' };
  const priced = tryComputeTotals({ lines, discountSatang, vatMode: d.vatMode, vatRateBasisPoints: vatRateFor(d.vatMode), withholdingBasisPoints });
  if (!priced.ok) return { ok: false, field: priced.problem.field };
  const body: Record<string, unknown> = { lines, discountSatang, vatMode: d.vatMode, withholdingPercent, notes: d.notes.trim() || null };
  if (depositSatang > 0) body.depositSatang = depositSatang;
  return { ok: true, body, totals: priced.totals };
}

function fieldLabel(field: string, t: Translate): string {
  const line = /^lines\.(\d+)\.?(\w*)$/.exec(field);
  if (line) {
    const part = line[2] === 'quantity' ? t('editor.quantity') : line[2] === 'unitPriceSatang' ? t('editor.unitPrice') : t('editor.description');
    return `${t('editor.line', { n: Number(line[1]) + 1 })}: ${part}`;
  }
  const keys: Record<string, MessageKey> = {
    discountSatang: 'editor.discount',
    withholdingPercent: 'editor.withholding',
    depositSatang: 'editor.deposit',
    vatMode: 'editor.vatMode',
    validUntil: 'editor.validUntil',
    dueDate: 'editor.dueDate',
    lines: 'editor.lines',
  };
  return keys[field] ? t(keys[field]) : field;
}

/** Editing a saved draft: the same form, answered with PATCH (the server refuses once it was sent). */
export function DraftEditor({ kind, id }: { kind: 'quote' | 'invoice'; id: string }) {
  const doc = useLoad<QuoteDto | InvoiceDto>(`/${kind}s/${enc(id)}`);
  if (doc.state === 'loading') return <Loading />;
  if (doc.state === 'error') return <ErrorLine error={doc.error} />;
  return <DocumentEditor kind={kind} customerId={doc.data.customerId} quoteId={null} editing={doc.data} />;
}

export function DocumentEditor(props: {
  kind: 'quote' | 'invoice';
  customerId: string;
  quoteId: string | null;
  /** An invoice for this job: it is linked to the job, with the lines of the job's accepted quotation if any. */
  jobId?: string | null;
  editing?: QuoteDto | InvoiceDto;
}) {
  const { kind, customerId, quoteId } = props;
  const jobId = quoteId ? null : (props.jobId ?? null);
  const customer = useLoad<CustomerSummaryDto>(`/customers/${enc(customerId)}`);
  const business = useLoad<BusinessDto>('/business');
  const job = useLoad<JobDto>(jobId ? `/jobs/${enc(jobId)}` : null);
  // The list answers quotations without their lines: it only finds the job's accepted one, read in full below.
  const accepted = useLoad<{ items: QuoteDto[] }>(jobId ? `/quotes?status=accepted&customerId=${enc(customerId)}&limit=100` : null);
  const jobQuoteId = jobId && accepted.state === 'ok' ? (accepted.data.items.find((q) => q.jobId === jobId)?.id ?? null) : null;
  const fromId = quoteId ?? jobQuoteId;
  const quote = useLoad<QuoteDto>(fromId ? `/quotes/${enc(fromId)}` : null, () => (fromId ? (recent.get(fromId) as QuoteDto | undefined) : undefined));
  if (customer.state === 'loading' || business.state === 'loading') return <Loading />;
  if (jobId && (job.state === 'loading' || accepted.state === 'loading')) return <Loading />;
  if (fromId && quote.state === 'loading') return <Loading />;
  if (customer.state === 'error') return <ErrorLine error={customer.error} />;
  if (job.state === 'error') return <ErrorLine error={job.error} />;
  // Staff who may not read the profile still price documents; the server applies the business's VAT rule.
  const vatModes = business.state === 'ok' ? allowedVatModes(business.data.vatRegistered) : (['exclusive', 'inclusive', 'none'] as const);
  const from = quote.state === 'ok' ? quote.data : null;
  const forJob = jobId && job.state === 'ok' ? { id: jobId, number: job.data.number } : null;
  return <Editor kind={kind} customer={customer.data} vatModes={vatModes} quote={from} job={forJob} editing={props.editing ?? null} />;
}

function Editor(props: {
  kind: 'quote' | 'invoice';
  customer: CustomerSummaryDto;
  vatModes: readonly VatMode[];
  quote: QuoteDto | null;
  job?: { id: string; number: string } | null;
  editing: QuoteDto | InvoiceDto | null;
}) {
  const { kind, customer, vatModes, quote, editing } = props;
  const job = props.job ?? null;
  const { t } = useStaff();
  const [draft, setDraft] = useState<Draft>(() => ({
    lines: [emptyLine()],
    discount: '',
    vatMode: vatModes[0]!,
    withholding: '',
    deposit: '',
    date: bangkokDay(kind === 'quote' ? 14 : 30),
    notes: '',
    ...(quote ? pricingOf(quote) : {}),
    ...(editing ? draftOf(kind, editing) : {}),
  }));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [touched, setTouched] = useState(false);
  const read = useMemo(() => readDraft(draft, customer.language), [draft]);
  useEffect(() => {
    if (!vatModes.includes(draft.vatMode)) setDraft((d) => ({ ...d, vatMode: vatModes[0]! }));
  }, [vatModes]);

  const setLine = (i: number, patch: Partial<LineDraft>) => setDraft((d) => ({ ...d, lines: d.lines.map((l, j) => (j === i ? { ...l, ...patch } : l)) }));
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const problemField = !read.ok ? read.field : null;
  const shownProblem = touched || error !== null ? (error?.field ?? problemField) : null;
  const hint = (field: string) => (shownProblem === field ? t('editor.fixFirst', { field: fieldLabel(field, t) }) : null);

  const submit = async (e: Event) => {
    e.preventDefault();
    setTouched(true);
    if (busy || !read.ok) return;
    setBusy(true);
    setError(null);
    if (editing) {
      const { depositSatang, ...common } = read.body;
      const patch = kind === 'quote' ? { ...common, depositSatang: depositSatang ?? 0, validUntil: draft.date } : { ...common, dueDate: draft.date };
      const r = await api.patch<QuoteDto | InvoiceDto>(`/${kind}s/${enc(editing.id)}`, patch);
      setBusy(false);
      if (!r.ok) return setError(r.error);
      recent.set(r.data.id, r.data);
      return navigate(kind === 'quote' ? paths.quote(r.data.id) : paths.invoice(r.data.id), true);
    }
    const body: Record<string, unknown> = { ...read.body, customerId: customer.id };
    if (kind === 'quote') {
      const r = await api.post<QuoteDto>('/quotes', { ...body, validUntil: draft.date });
      setBusy(false);
      if (!r.ok) return setError(r.error);
      recent.set(r.data.id, r.data);
      navigate(paths.quote(r.data.id), true);
    } else {
      const { depositSatang: _deposit, ...invoiceBody } = body;
      const links = { ...(quote ? { quoteId: quote.id, jobId: quote.jobId } : {}), ...(job ? { jobId: job.id } : {}) };
      const r = await api.post<InvoiceDto>('/invoices', { ...invoiceBody, dueDate: draft.date, ...links });
      setBusy(false);
      if (!r.ok) return setError(r.error);
      recent.set(r.data.id, r.data);
      navigate(paths.invoice(r.data.id), true);
    }
  };

  const totals = read.ok ? read.totals : null;
  return (
    <Page
      title={editing ? t('editor.editTitle', { number: editing.number }) : t(kind === 'quote' ? 'editor.quoteTitle' : 'editor.invoiceTitle')}
      back={editing ? (kind === 'quote' ? paths.quote(editing.id) : paths.invoice(editing.id)) : paths.customer(customer.id)}
    >
      <p class="sub">
        {t('editor.for', { name: customer.name })}
        {job && <> · {t('editor.forJob', { number: job.number })}</>}
        {quote && <> · {t('editor.fromQuote', { number: quote.number })}</>}
      </p>
      <form onSubmit={submit} noValidate>
        <Section title={t('editor.lines')}>
          {draft.lines.map((line, i) => (
            <fieldset key={i} class="line">
              <legend>{t('editor.line', { n: i + 1 })}</legend>
              <Field
                name={`lines.${i}.description`}
                label={t('editor.description')}
                value={line.description}
                onInput={(v) => setLine(i, { description: v })}
                error={hint(`lines.${i}.description`) ?? hint(`lines.${i}`)}
              />
              <div class="pair">
                <Field
                  name={`lines.${i}.quantity`}
                  label={t('editor.quantity')}
                  value={line.quantity}
                  inputMode="decimal"
                  onInput={(v) => setLine(i, { quantity: v })}
                  error={hint(`lines.${i}.quantity`)}
                />
                <Select
                  name={`lines.${i}.unit`}
                  label={t('editor.unit')}
                  value={line.unit}
                  options={[
                    ['units', t('editor.unitUnits')],
                    ['days', t('editor.unitDays')],
                  ]}
                  onChange={(v) => setLine(i, { unit: v })}
                />
              </div>
              <Field
                name={`lines.${i}.unitPriceSatang`}
                label={t('editor.unitPrice')}
                value={line.unitPrice}
                inputMode="decimal"
                onInput={(v) => setLine(i, { unitPrice: v })}
                error={hint(`lines.${i}.unitPriceSatang`)}
              />
              {draft.lines.length > 1 && (
                <button type="button" class="link danger" onClick={() => set({ lines: draft.lines.filter((_, j) => j !== i) })}>
                  {t('editor.removeLine', { n: i + 1 })}
                </button>
              )}
            </fieldset>
          ))}
          <button type="button" onClick={() => set({ lines: [...draft.lines, emptyLine()] })}>
            + {t('editor.addLine')}
          </button>
        </Section>
        <Section title={t('editor.totals')}>
          <Field
            name="discountSatang"
            label={t('editor.discount')}
            value={draft.discount}
            inputMode="decimal"
            onInput={(v) => set({ discount: v })}
            error={hint('discountSatang')}
          />
          <Select
            name="vatMode"
            label={t('editor.vatMode')}
            value={draft.vatMode}
            options={vatModes.map((m): [VatMode, string] => [m, t(`editor.vat.${m}`)])}
            onChange={(v) => set({ vatMode: v })}
          />
          <Field
            name="withholdingPercent"
            label={t('editor.withholding')}
            value={draft.withholding}
            inputMode="decimal"
            onInput={(v) => set({ withholding: v })}
            error={hint('withholdingPercent')}
          />
          {kind === 'quote' && (
            <Field
              name="depositSatang"
              label={t('editor.deposit')}
              value={draft.deposit}
              inputMode="decimal"
              onInput={(v) => set({ deposit: v })}
              error={hint('depositSatang')}
            />
          )}
          <Field
            name={kind === 'quote' ? 'validUntil' : 'dueDate'}
            type="date"
            label={t(kind === 'quote' ? 'editor.validUntil' : 'editor.dueDate')}
            value={draft.date}
            onInput={(v) => set({ date: v })}
            error={hint(kind === 'quote' ? 'validUntil' : 'dueDate')}
          />
          <Field name="notes" label={t('editor.notes')} value={draft.notes} multiline onInput={(v) => set({ notes: v })} />
          <TotalsTable totals={totals} />
        </Section>
        <ErrorLine error={error} />
        <div class="actions sticky">
          <button type="submit" class="primary" disabled={busy} aria-busy={busy}>
            {t('editor.create')}
          </button>
        </div>
      </form>
    </Page>
  );
}

export function TotalsTable({
  totals,
}: {
  totals: Pick<Totals, 'subtotalSatang' | 'discountSatang' | 'vatSatang' | 'totalSatang' | 'withholdingSatang' | 'netPayableSatang'> | null;
}) {
  const { t } = useStaff();
  if (!totals) return <p class="muted">{t('app.none')}</p>;
  const rows: Array<[string, number, string?]> = [
    [t('editor.discountRow'), totals.discountSatang],
    [t('editor.subtotal'), totals.subtotalSatang],
    [t('editor.vat'), totals.vatSatang],
    [t('editor.total'), totals.totalSatang, 'strong'],
    [t('editor.withholdingRow'), totals.withholdingSatang],
    [t('editor.netPayable'), totals.netPayableSatang, 'strong'],
  ];
  return (
    <table class="totals" aria-live="polite">
      <tbody>
        {rows
          .filter(([, v], i) => v !== 0 || i === 3 || i === 5 || i === 1)
          .map(([label, satang, cls]) => (
            <tr key={label} class={cls}>
              <th scope="row">{label}</th>
              <td>
                <Money satang={satang} />
              </td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}
