/**
 * Demo data: an AV/camera rental company in Bangkok with customers in every interesting state
 * (jobs on site and upcoming, invoices overdue/partial/paid, a quote to sign, deposits held and
 * returned). Built through the real use cases, so numbers, receipts and totals are consistent.
 * Runs only on an empty database.
 *
 * Contact details are reserved, so an operator who configures SMTP or Twilio never reaches a real
 * person: email at example.com or under .test (RFC 2606), phone numbers 0X-555-01XX / 0XX-555-01XX.
 * Thailand has no reserved fictional range; this pattern is ours, chosen to look fake at a glance.
 */
import type { AppContext } from '../services/context.ts';
import { ManualClock } from '../services/ports.ts';
import { saveBusiness } from '../services/business.ts';
import { createCustomer } from '../services/customers.ts';
import { createJob, moveJobStage } from '../services/jobs.ts';
import { createQuote, markQuoteSent } from '../services/quotes.ts';
import { createInvoice, markInvoiceSent } from '../services/invoices.ts';
import { recordPayment } from '../services/payments.ts';
import { collectDeposit, createDeposit, returnDeposit } from '../services/deposits.ts';
import { addDays, bangkokDate } from '../domain/dates.ts';
import type { JobStage } from '../domain/job-stages.ts';

const baht = (n: number) => Math.round(n * 100);

export async function isDatabaseEmpty(ctx: AppContext): Promise<boolean> {
  return (await ctx.db.business.count()) === 0 && (await ctx.db.customer.count()) === 0;
}

export interface DemoSeedResult {
  customerIds: { main: string; quote: string; caughtUp: string; english: string };
  quoteId: string;
  overdueInvoiceId: string;
}

export async function seedDemo(base: AppContext): Promise<DemoSeedResult> {
  const realNow = base.clock.now();
  const clock = new ManualClock(realNow);
  // The seed replays history: each step runs "at" its own moment, so stage timelines and
  // receipts carry believable times.
  const ctx: AppContext = { ...base, clock };
  const at = (daysAgo: number, hour = 10) => {
    const day = addDays(bangkokDate(realNow), -daysAgo);
    const when = new Date(`${day}T${String(hour).padStart(2, '0')}:15:00+07:00`);
    // Never "in the future": history must end before the real now.
    clock.set(when < realNow ? when : new Date(realNow.getTime() - 10 * 60_000));
    return day;
  };
  const today = bangkokDate(realNow);
  const moveTo = async (jobId: string, stages: JobStage[], startDaysAgo: number) => {
    let d = startDaysAgo;
    for (const stage of stages) {
      at(Math.max(d, 0), 9 + ((d * 3) % 8));
      await moveJobStage(ctx, { jobId, stage, changedBy: 'demo' });
      d -= 1;
    }
  };

  at(60);
  await saveBusiness(ctx, {
    name: 'บริษัท ซีนเนอรี่ เร้นทัล จำกัด',
    nameEn: 'Scenery Rental Co., Ltd.',
    address: '88/8 ซอยสุขุมวิท 71 แขวงพระโขนงเหนือ เขตวัฒนา กรุงเทพมหานคร 10110',
    addressEn: '88/8 Soi Sukhumvit 71, Phra Khanong Nuea, Watthana, Bangkok 10110',
    taxId: '0105561234560',
    branchCode: '00000',
    vatRegistered: true,
    promptPayId: '0105561234560',
    promptPayName: 'บจก. ซีนเนอรี่ เร้นทัล',
    phone: '02-555-0100',
    email: 'hello@scenery-rental.test',
    lineOaId: '@sceneryrental',
  });

  const fahsai = await createCustomer(ctx, {
    name: 'คุณสมชาย ใจดี',
    companyName: 'บริษัท ฟ้าใส โปรดักชั่น จำกัด',
    taxId: '0105564012347',
    branchCode: '00000',
    address: '123/45 อาคารฟ้าใสทาวเวอร์ ชั้น 12 ถนนรัชดาภิเษก แขวงดินแดง เขตดินแดง กรุงเทพมหานคร 10400',
    email: 'somchai@fahsai-production.test',
    phone: '0815550101',
    language: 'th',
  });
  const wipa = await createCustomer(ctx, {
    name: 'คุณวิภาวดี ศรีสุข',
    address: '99 หมู่ 4 ตำบลบ่อผุด อำเภอเกาะสมุย จังหวัดสุราษฎร์ธานี 84320',
    email: 'wipawadee.s@example.com',
    phone: '0895550102',
    language: 'th',
  });
  const anan = await createCustomer(ctx, {
    name: 'คุณอนันต์ พึ่งบุญ',
    companyName: 'ร้านอนันต์ อีเวนท์',
    address: '7 ถนนนิมมานเหมินท์ ตำบลสุเทพ อำเภอเมืองเชียงใหม่ จังหวัดเชียงใหม่ 50200',
    phone: '0865550103',
    language: 'th',
  });
  const sarah = await createCustomer(ctx, {
    name: 'Sarah Thompson',
    companyName: 'Bangkok Creative Studio',
    address: '55 Sathorn Soi 10, Silom, Bang Rak, Bangkok 10500',
    email: 'sarah@bkkcreative.test',
    phone: '+66 91 555 0104',
    language: 'en',
  });

  // --- คุณสมชาย: a TV commercial shoot on site now, a concert next week, money owed. ---
  const shootLines = [
    { description: 'ค่าเช่ากล้อง Sony FX6 พร้อมเลนส์ (ต่อวัน)', quantity: 6, unitPriceSatang: baht(4500) },
    { description: 'ค่าเช่าไฟ Aputure LS 600d Pro (ต่อวัน)', quantity: 12, unitPriceSatang: baht(1200) },
    { description: 'ค่าเช่ากิมบอลและชุดไมค์ไร้สาย (เหมา)', quantity: 1, unitPriceSatang: baht(6500) },
    { description: 'ค่าขนส่งและติดตั้ง กรุงเทพฯ', quantity: 1, unitPriceSatang: baht(3500) },
  ];
  at(20);
  const shoot = await createJob(ctx, {
    customerId: fahsai.id,
    title: 'ถ่ายทำโฆษณาทีวี "น้ำดื่มใสใส" 3 วัน',
    startDate: addDays(today, -2),
    endDate: addDays(today, 1),
    siteAddress: 'สตูดิโอ 5 ทรูดิจิทัลพาร์ค ถนนสุขุมวิท 101',
    equipment: [
      { name: 'กล้อง Sony FX6 Cinema Line', quantity: 2 },
      { name: 'เลนส์ Sony G Master 24-70mm f/2.8', quantity: 2 },
      { name: 'ไฟ Aputure LS 600d Pro', quantity: 4 },
      { name: 'กิมบอล DJI RS 3 Pro', quantity: 1 },
      { name: 'ชุดไมค์ไร้สาย Sennheiser EW-DX', quantity: 3 },
    ],
  });
  await moveTo(shoot.id, ['picking', 'loaded', 'delivering', 'on_site'], 4);
  at(21);
  const shootQuote = await createQuote(ctx, {
    customerId: fahsai.id,
    jobId: shoot.id,
    validUntil: addDays(today, -10),
    lines: shootLines,
    withholdingPercent: 3,
    depositSatang: baht(20000),
  });
  await markQuoteSent(ctx, shootQuote.id);
  await ctx.db.quote.update({ where: { id: shootQuote.id }, data: { status: 'accepted', acceptedAt: clock.now() } });
  const shootDeposit = await createDeposit(ctx, { customerId: fahsai.id, requiredSatang: baht(20000), quoteId: shootQuote.id, jobId: shoot.id });
  at(18);
  await collectDeposit(ctx, { depositId: shootDeposit.id, amountSatang: baht(20000), method: 'bank_transfer', reference: 'KBANK 18:42' });
  at(17);
  const shootInvoice = await createInvoice(ctx, {
    customerId: fahsai.id,
    jobId: shoot.id,
    quoteId: shootQuote.id,
    dueDate: addDays(today, -3),
    lines: shootLines,
    withholdingPercent: 3,
  });
  await markInvoiceSent(ctx, shootInvoice.id);
  at(5);
  await recordPayment(ctx, { invoiceId: shootInvoice.id, amountSatang: baht(30000), method: 'promptpay', reference: 'SCB 0930' });

  at(12);
  const concert = await createJob(ctx, {
    customerId: fahsai.id,
    title: 'งานคอนเสิร์ตการกุศล "รวมใจ" — ระบบภาพและเสียง',
    startDate: addDays(today, 6),
    endDate: addDays(today, 7),
    siteAddress: 'ลานกิจกรรม เซ็นทรัลเวิลด์ ถนนราชดำริ',
    equipment: [
      { name: 'จอ LED 3×2 เมตร พร้อมโครง', quantity: 2 },
      { name: 'สวิตเชอร์ Blackmagic ATEM Mini Pro', quantity: 1 },
      { name: 'โปรเจกเตอร์ Epson 7,000 ลูเมน', quantity: 2 },
    ],
  });
  await moveTo(concert.id, ['picking'], 1);
  at(40);
  const oldInvoice = await createInvoice(ctx, {
    customerId: fahsai.id,
    dueDate: addDays(today, -12),
    lines: [{ description: 'ค่าเช่าชุดไฟสตูดิโอ งานถ่ายแคตตาล็อก (2 วัน)', quantity: 2, unitPriceSatang: baht(8900) }],
  });
  await markInvoiceSent(ctx, oldInvoice.id);

  // --- คุณวิภาวดี: a wedding on Koh Samui, quote waiting to be signed. ---
  at(3);
  const wedding = await createJob(ctx, {
    customerId: wipa.id,
    title: 'งานแต่งงาน ณ เกาะสมุย — ไลฟ์สดและบันทึกภาพ',
    startDate: addDays(today, 18),
    endDate: addDays(today, 19),
    siteAddress: 'โรงแรมบ่อผุด บีช รีสอร์ท เกาะสมุย',
    equipment: [
      { name: 'กล้อง Sony FX3', quantity: 2 },
      { name: 'ชุดไลฟ์สด Blackmagic ATEM Mini Pro ISO', quantity: 1 },
      { name: 'โดรน DJI Mavic 3 Cine', quantity: 1 },
    ],
  });
  at(2);
  const weddingQuote = await createQuote(ctx, {
    customerId: wipa.id,
    jobId: wedding.id,
    validUntil: addDays(today, 12),
    lines: [
      { description: 'แพ็กเกจไลฟ์สดงานแต่ง 2 กล้อง พร้อมทีมงาน (ต่อวัน)', quantity: 1.5, unitPriceSatang: baht(28000) },
      { description: 'โดรนถ่ายภาพมุมสูง พร้อมนักบินที่มีใบอนุญาต', quantity: 1, unitPriceSatang: baht(9500) },
      { description: 'ค่าเดินทางและขนส่งอุปกรณ์ไปเกาะสมุย', quantity: 1, unitPriceSatang: baht(12000) },
    ],
    discountSatang: baht(2000),
    depositSatang: baht(15000),
  });
  await markQuoteSent(ctx, weddingQuote.id);

  // --- คุณอนันต์: everything settled: paid and deposit returned with a deduction. ---
  at(45);
  const fair = await createJob(ctx, {
    customerId: anan.id,
    title: 'งานแสดงสินค้า OTOP เชียงใหม่ — ชุดเครื่องเสียง',
    startDate: addDays(today, -35),
    endDate: addDays(today, -33),
    siteAddress: 'ศูนย์ประชุมและแสดงสินค้านานาชาติ เชียงใหม่',
    equipment: [{ name: 'ชุดเครื่องเสียง JBL PRX915 พร้อมมิกเซอร์', quantity: 1 }],
  });
  await moveTo(fair.id, ['picking', 'loaded', 'delivering', 'on_site', 'returning', 'closed'], 36);
  at(44);
  const fairDeposit = await createDeposit(ctx, { customerId: anan.id, requiredSatang: baht(10000), jobId: fair.id });
  await collectDeposit(ctx, { depositId: fairDeposit.id, amountSatang: baht(10000), method: 'cash' });
  const fairInvoice = await createInvoice(ctx, {
    customerId: anan.id,
    jobId: fair.id,
    dueDate: addDays(today, -30),
    lines: [{ description: 'ค่าเช่าชุดเครื่องเสียง 3 วัน รวมช่างเทคนิค', quantity: 3, unitPriceSatang: baht(7500) }],
  });
  await markInvoiceSent(ctx, fairInvoice.id);
  at(34);
  await recordPayment(ctx, { invoiceId: fairInvoice.id, amountSatang: fairInvoice.netPayableSatang, method: 'bank_transfer', reference: 'BBL 1102' });
  at(31);
  await returnDeposit(ctx, { depositId: fairDeposit.id, amountSatang: baht(8500), reason: 'สายไมค์ชำรุด 1 เส้น (ค่าซ่อม 1,500 บาท)', method: 'bank_transfer' });

  // --- Sarah (English): an upcoming photo shoot, invoice not yet due. ---
  at(4);
  const studio = await createJob(ctx, {
    customerId: sarah.id,
    title: 'Fashion lookbook shoot — lighting kit',
    startDate: addDays(today, 2),
    endDate: addDays(today, 2),
    siteAddress: 'Bangkok Creative Studio, Sathorn Soi 10',
    equipment: [
      { name: 'Profoto B10X Plus kit', quantity: 2 },
      { name: 'Canon EOS R5 body', quantity: 1 },
    ],
  });
  await moveTo(studio.id, ['picking'], 0);
  at(1);
  const studioInvoice = await createInvoice(ctx, {
    customerId: sarah.id,
    jobId: studio.id,
    dueDate: addDays(today, 5),
    vatMode: 'inclusive',
    lines: [
      { description: 'Profoto B10X Plus kit — 1 day', quantity: 2, unitPriceSatang: baht(2800) },
      { description: 'Canon EOS R5 body — 1 day', quantity: 1, unitPriceSatang: baht(2200) },
    ],
  });
  await markInvoiceSent(ctx, studioInvoice.id);

  return {
    customerIds: { main: fahsai.id, quote: wipa.id, caughtUp: anan.id, english: sarah.id },
    quoteId: weddingQuote.id,
    overdueInvoiceId: oldInvoice.id,
  };
}
