/** Customers as the admin API answers them: the profile, the staff summary, the portal activity. */
import { z } from 'zod';
import { JOB_STAGES, type JobStage } from '../../../domain/job-stages.ts';
import type { InvoiceDisplayStatus } from '../../../domain/invoice-status.ts';
import { day, id, instant, iso, isoOrNull, satang } from './common.ts';

const customerShape = {
  id,
  name: z.string(),
  companyName: z.string().nullable(),
  taxId: z.string().nullable(),
  branchCode: z.string().nullable(),
  address: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  language: z.enum(['th', 'en']),
  notes: z.string().nullable(),
  lastSeenAt: instant.nullable(),
  createdAt: instant,
  updatedAt: instant,
};
export const customerDto = z.strictObject(customerShape);
export type CustomerDto = z.infer<typeof customerDto>;

interface CustomerRow {
  id: string;
  name: string;
  companyName: string | null;
  taxId: string | null;
  branchCode: string | null;
  address: string | null;
  email: string | null;
  phone: string | null;
  language: string;
  notes: string | null;
  lastSeenAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export function toCustomerDto(row: CustomerRow): CustomerDto {
  return {
    id: row.id,
    name: row.name,
    companyName: row.companyName,
    taxId: row.taxId,
    branchCode: row.branchCode,
    address: row.address,
    email: row.email,
    phone: row.phone,
    language: row.language === 'en' ? 'en' : 'th',
    notes: row.notes,
    lastSeenAt: isoOrNull(row.lastSeenAt),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

export const customerSummaryDto = z.strictObject({
  ...customerShape,
  lineBound: z.boolean(),
  lineFollowing: z.boolean(),
  openJobs: z.array(
    z.strictObject({ id, number: z.string(), title: z.string(), stage: z.enum(JOB_STAGES), startDate: day.nullable(), endDate: day.nullable() }),
  ),
  openInvoices: z.array(
    z.strictObject({
      id,
      number: z.string(),
      dueDate: day,
      status: z.enum(['draft', 'sent', 'partially_paid', 'paid', 'void', 'overdue']),
      balanceSatang: satang,
    }),
  ),
  balanceDueSatang: satang,
  overdueCount: z.number().int(),
  depositsHeldSatang: satang,
  depositsPendingSatang: satang,
});
export type CustomerSummaryDto = z.infer<typeof customerSummaryDto>;

interface CustomerSummary extends CustomerRow {
  lineBound: boolean;
  lineFollowing: boolean;
  openJobs: { id: string; number: string; title: string; stage: string; startDate: string | null; endDate: string | null }[];
  openInvoices: { id: string; number: string; dueDate: string; status: InvoiceDisplayStatus; balanceSatang: number }[];
  balanceDueSatang: number;
  overdueCount: number;
  depositsHeldSatang: number;
  depositsPendingSatang: number;
}

export function toCustomerSummaryDto(summary: CustomerSummary): CustomerSummaryDto {
  return {
    ...toCustomerDto(summary),
    lineBound: summary.lineBound,
    lineFollowing: summary.lineFollowing,
    openJobs: summary.openJobs.map((j) => ({
      id: j.id,
      number: j.number,
      title: j.title,
      stage: j.stage as JobStage,
      startDate: j.startDate,
      endDate: j.endDate,
    })),
    openInvoices: summary.openInvoices.map((i) => ({ id: i.id, number: i.number, dueDate: i.dueDate, status: i.status, balanceSatang: i.balanceSatang })),
    balanceDueSatang: summary.balanceDueSatang,
    overdueCount: summary.overdueCount,
    depositsHeldSatang: summary.depositsHeldSatang,
    depositsPendingSatang: summary.depositsPendingSatang,
  };
}

export const customerActivityDto = z.strictObject({
  customerId: id,
  lastSeenAt: instant.nullable(),
  entries: z.array(
    z.strictObject({
      at: instant,
      action: z.string(),
      channel: z.string(),
      linkId: z.string().nullable(),
      documentType: z.string().nullable(),
      documentId: z.string().nullable(),
      ip: z.string().nullable(),
      userAgent: z.string().nullable(),
    }),
  ),
  viewedDocuments: z.array(
    z.strictObject({ documentType: z.string(), documentId: z.string(), firstViewedAt: instant, lastViewedAt: instant, count: z.number().int() }),
  ),
});
export type CustomerActivityDto = z.infer<typeof customerActivityDto>;

interface CustomerActivity {
  customerId: string;
  lastSeenAt: Date | null;
  entries: {
    at: Date;
    action: string;
    channel: string;
    linkId: string | null;
    documentType: string | null;
    documentId: string | null;
    ip: string | null;
    userAgent: string | null;
  }[];
  viewedDocuments: { documentType: string; documentId: string; firstViewedAt: Date; lastViewedAt: Date; count: number }[];
}

export function toCustomerActivityDto(activity: CustomerActivity): CustomerActivityDto {
  return {
    customerId: activity.customerId,
    lastSeenAt: isoOrNull(activity.lastSeenAt),
    entries: activity.entries.map((e) => ({
      at: iso(e.at),
      action: e.action,
      channel: e.channel,
      linkId: e.linkId,
      documentType: e.documentType,
      documentId: e.documentId,
      ip: e.ip,
      userAgent: e.userAgent,
    })),
    viewedDocuments: activity.viewedDocuments.map((d) => ({
      documentType: d.documentType,
      documentId: d.documentId,
      firstViewedAt: iso(d.firstViewedAt),
      lastViewedAt: iso(d.lastViewedAt),
      count: d.count,
    })),
  };
}
