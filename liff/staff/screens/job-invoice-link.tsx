/** "Invoice this job" in one tap: the invoice editor, prefilled for the job's customer and its accepted quotation. */
import { useStaff } from '../context.ts';
import { paths } from '../router.ts';
import { Link } from '../ui.tsx';

export function JobInvoiceLink({ customerId, jobId, jobNumber }: { customerId: string; jobId: string; jobNumber: string }) {
  const { t } = useStaff();
  return (
    <div class="actions">
      <Link to={paths.invoiceForJob(customerId, jobId)} class="button">
        {t('jobs.invoice', { number: jobNumber })}
      </Link>
    </div>
  );
}
