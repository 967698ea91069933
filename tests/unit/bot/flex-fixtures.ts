/** Builder inputs for both languages, with deliberately long Thai names and text. */
import type { messagingApi } from '@line/bot-sdk';
import type { KindFields, MessageContent, MessageKind } from '../../../server/messaging/message-content.ts';
import {
  clientFlexMessage,
  confirmCard,
  customerCard,
  customerCarousel,
  helpCard,
  linkCard,
  overdueList,
  slipReviewCard,
  duplicateSlipCard,
  stageChooser,
  PB,
  type Lang,
  type CustomerListItem,
} from '../../../bot/flex/index.ts';
import { HELP_COMMANDS } from '../../../bot/commands/parse-command.ts';

export const LONG_THAI_NAME = 'บริษัท ศรีสวัสดิ์วัฒนาพาณิชย์การค้าและอุตสาหกรรมเครื่องจักรกลการเกษตรภาคตะวันออกเฉียงเหนือ จำกัด (มหาชน) สำนักงานใหญ่ เลขที่ ๑๒๓๔';
export const LONG_THAI_PERSON = 'นางสาวกาญจนาภรณ์ ศรีสุวรรณวัฒนกุลเจริญรุ่งเรืองทรัพย์สมบูรณ์ พูลสวัสดิ์มงคลชัย';
export const LONG_THAI_TEXT = 'ค่าทำความสะอาดและซ่อมแซมอุปกรณ์ที่ชำรุดเสียหายจากการใช้งานผิดประเภท '.repeat(20);
export const LIFF_URL = 'https://liff.line.me/2001234567-AbCdEfGh/c/Qx7vK2mPz9RtY4wB8nLs3dFh6jUc';

export const base = (lang: Lang) => ({
  lang,
  businessName: LONG_THAI_NAME,
  customerName: LONG_THAI_PERSON,
  webUrl: 'https://portal.example.co.th/c/Qx7vK2mPz9RtY4wB8nLs3dFh6jUc',
  liffUrl: LIFF_URL,
  shortUrl: 'https://portal.example.co.th/c/Qx7vK2mPz9RtY4wB8nLs3dFh6jUc',
});

/** A client message of one kind, as the outbox renders it. */
export function client<K extends MessageKind>(kind: K, lang: Lang, fields: KindFields[K], overrides: Partial<ReturnType<typeof base>> = {}): MessageContent {
  return { kind, ...base(lang), ...overrides, ...fields } as MessageContent;
}

export function customers(n: number): CustomerListItem[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `cus_${String(i).padStart(20, '0')}`,
    name: `${LONG_THAI_PERSON} ${i}`,
    company: LONG_THAI_NAME,
    balanceDueSatang: 123_456_78 * (i + 1),
    overdueCount: i % 3,
    openJobCount: i % 5,
  }));
}

/** Every builder's output for one language, by name. */
export function allBuilderOutputs(lang: Lang): Record<string, messagingApi.Message> {
  return {
    portalLinkCustomer: clientFlexMessage(client('portal_link', lang, { scope: 'customer', documentNumber: null, expiresOn: '2025-02-14' })),
    portalLinkInvoice: clientFlexMessage(client('portal_link', lang, { scope: 'invoice', documentNumber: 'INV-2025-000123', expiresOn: '2025-02-14' })),
    quoteReady: clientFlexMessage(
      client('quote_ready', lang, {
        quoteNumber: 'QT-2025-0042',
        title: LONG_THAI_TEXT,
        totalSatang: 1_234_567_89,
        validUntil: '2025-03-31',
        depositSatang: 300_000_00,
      }),
    ),
    invoice: clientFlexMessage(
      client('invoice', lang, { invoiceNumber: 'INV-2025-000123', amountDueSatang: 45_678_90, dueDate: '2025-01-31', title: LONG_THAI_TEXT }),
    ),
    reminderOverdue: clientFlexMessage(
      client('payment_reminder', lang, {
        invoiceId: 'i1',
        invoiceNumber: 'INV-2025-000123',
        amountDueSatang: 45_678_90,
        dueDate: '2025-01-31',
        daysOverdue: 14,
      }),
    ),
    reminderToday: clientFlexMessage(
      client('payment_reminder', lang, {
        invoiceId: 'i1',
        invoiceNumber: 'INV-2025-000123',
        amountDueSatang: 45_678_90,
        dueDate: '2025-01-31',
        daysOverdue: 0,
      }),
    ),
    reminderUpcoming: clientFlexMessage(
      client('payment_reminder', lang, {
        invoiceId: 'i1',
        invoiceNumber: 'INV-2025-000123',
        amountDueSatang: 45_678_90,
        dueDate: '2025-01-31',
        daysOverdue: -3,
      }),
    ),
    paymentReceivedPartial: clientFlexMessage(
      client('payment_received', lang, {
        receiptNumber: 'RC-2025-0007',
        amountSatang: 20_000_00,
        invoiceNumber: 'INV-2025-000123',
        paidOn: '2025-01-20',
        balanceRemainingSatang: 25_678_90,
      }),
    ),
    paymentReceivedFull: clientFlexMessage(
      client('payment_received', lang, {
        receiptNumber: 'RC-2025-0008',
        amountSatang: 25_678_90,
        invoiceNumber: 'INV-2025-000123',
        paidOn: '2025-01-20',
        balanceRemainingSatang: 0,
      }),
    ),
    jobStage: clientFlexMessage(
      client('job_stage', lang, { jobNumber: 'JOB-0099', jobTitle: LONG_THAI_TEXT, stage: 'loaded', stageLabel: '', note: LONG_THAI_TEXT }),
    ),
    depositReturned: clientFlexMessage(
      client('deposit_returned', lang, {
        depositNumber: 'DEP-2025-0003',
        returnedSatang: 8_500_00,
        deductedSatang: 1_500_00,
        reason: LONG_THAI_TEXT,
        receiptNumber: 'DEPRR-2025-0003',
        jobNumber: 'JOB-0099',
      }),
    ),
    depositReturnedFull: clientFlexMessage(
      client('deposit_returned', lang, {
        depositNumber: 'DEP-2025-0004',
        returnedSatang: 10_000_00,
        deductedSatang: 0,
        reason: null,
        receiptNumber: null,
        jobNumber: null,
      }),
    ),
    customerCard: customerCard({
      lang,
      id: 'cus_00000000000000000001',
      name: LONG_THAI_PERSON,
      company: LONG_THAI_NAME,
      openJobs: Array.from({ length: 8 }, (_, i) => ({
        id: `job_${i}`,
        number: `JOB-${1000 + i}`,
        title: LONG_THAI_TEXT,
        stageLabel: 'รอส่งมอบและตรวจรับงานขั้นสุดท้าย',
      })),
      balanceDueSatang: 98_765_43,
      overdueCount: 2,
      depositsHeldSatang: 10_000_00,
      lastPortalVisitAt: '2025-01-15T03:04:05Z',
      lineBound: true,
    }),
    customerCardEmpty: customerCard({
      lang,
      id: 'c1',
      name: 'A',
      openJobs: [],
      balanceDueSatang: 0,
      overdueCount: 0,
      depositsHeldSatang: 0,
      lastPortalVisitAt: null,
    }),
    customerCarousel: customerCarousel(customers(30), { lang, more: { a: PB.more, q: 'ศรีสวัสดิ์', o: 11 } }),
    customerCarouselSmall: customerCarousel(customers(3), { lang }),
    customerCarouselEmpty: customerCarousel([], { lang }),
    linkCard: linkCard({
      lang,
      linkId: 'lnk_0123456789abcdef',
      url: LIFF_URL,
      scope: 'invoice',
      customerName: LONG_THAI_PERSON,
      documentNumber: 'INV-2025-000123',
      expiresOn: '2025-02-14',
      channel: 'line',
    }),
    linkCardCustomer: linkCard({
      lang,
      linkId: 'lnk_1',
      url: 'https://portal.example.co.th/c/Qx7vK2mPz9RtY4wB8nLs3dFh6jUc',
      scope: 'customer',
      customerName: 'B',
      expiresOn: null,
    }),
    overdueList: overdueList(
      Array.from({ length: 15 }, (_, i) => ({
        invoiceId: `inv_${i}`,
        invoiceNumber: `INV-2024-${String(i).padStart(6, '0')}`,
        customerName: LONG_THAI_NAME,
        amountDueSatang: 1_000_00 * (i + 1),
        dueDate: `2024-12-${String(28 - i).padStart(2, '0')}`,
        daysOverdue: 20 + i,
      })),
      { lang },
    ),
    overdueListEmpty: overdueList([], { lang }),
    stageChooser: stageChooser({
      lang,
      jobId: 'job_0123456789abcdefghij',
      jobNumber: 'JOB-0099',
      jobTitle: LONG_THAI_TEXT,
      currentStageLabel: 'นัดหมายแล้ว',
      stages: Array.from({ length: 15 }, (_, i) => ({ key: `stage_${i}`, label: `ขั้นตอนที่ ${i} ${LONG_THAI_PERSON}` })),
    }),
    stageChooserNone: stageChooser({ lang, jobId: 'j', jobNumber: 'J', jobTitle: 'T', currentStageLabel: 'Done', stages: [] }),
    confirmCard: confirmCard({ lang, title: LONG_THAI_TEXT, body: LONG_THAI_TEXT, confirm: { a: 'revoke', c: 'cus_1' }, danger: true }),
    helpCard: helpCard(lang, HELP_COMMANDS[lang]),
    slipReview: slipReviewCard({
      lang,
      noticeId: 'pn_0123456789abcdefghij',
      amountSatang: 45_678_90,
      customerName: LONG_THAI_NAME,
      target: { kind: 'invoice', number: 'INV-2025-000123' },
      balanceSatang: 45_000_00,
      sendingBank: '014',
      transRef: '015300000001ABCDEF0123',
      slipUrl: 'https://portal.example.co.th/s/pn_0123456789abcdefghij/1764000000/abcdefABCDEF0123456789abcdefABCDEF0123456',
      sentAt: '2025-01-20T08:15:00Z',
    }),
    duplicateSlip: duplicateSlipCard({
      lang,
      customerName: LONG_THAI_NAME,
      target: { kind: 'deposit', number: 'DEP-2025-000123' },
      amountSatang: 45_678_90,
      sendingBank: '014',
      transRef: '015300000001ABCDEF0123',
      usedBy: { kind: 'payment', number: 'PREREC-2025-000123', at: new Date('2025-01-19T08:15:00Z') },
      sentAt: new Date('2025-01-20T08:15:00Z'),
    }),
  };
}
