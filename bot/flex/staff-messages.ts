/**
 * Flex messages and quick replies for staff (answers to bot commands). Buttons carry
 * compact postback data (see postback.ts / PB); stage labels arrive already translated.
 */
import type { messagingApi } from '@line/bot-sdk';
import { clampText, formatDate, formatDateTime, MAX, money, pick, requireImageUrl, requireUrl, type Lang } from './format.ts';
import { bubble, button, COLORS, flexMessage, footer, hbox, keyAmount, postbackAction, row, separator, text, uriAction, vbox } from './parts.ts';
import { PB, type PostbackPayload } from './postback.ts';
import { DOCUMENT_KIND_LABELS, SECURITY_DEPOSIT } from '../../server/domain/labels.ts';
import { bankName } from '../../server/domain/thai-banks.ts';
import type { LinkScope } from '../../server/domain/link-rules.ts';

type FlexMessage = messagingApi.FlexMessage;
type FlexBubble = messagingApi.FlexBubble;
type FlexComponent = messagingApi.FlexComponent;

export const CAROUSEL_MAX_BUBBLES = 12;
export const CUSTOMER_CARD_MAX_JOBS = 5;
export const OVERDUE_LIST_MAX_ROWS = 10;
export const QUICK_REPLY_MAX_ITEMS = 13;

export interface OpenJob {
  id: string;
  number: string;
  title: string;
  /** Already in the staff member's language. */
  stageLabel: string;
}

export interface CustomerCardInput {
  lang: Lang;
  id: string;
  name: string;
  company?: string | null;
  openJobs: OpenJob[];
  balanceDueSatang: number;
  overdueCount: number;
  depositsHeldSatang: number;
  /** ISO instant of the last portal visit; null/undefined = never. */
  lastPortalVisitAt?: string | Date | null;
  /** Whether the client's LINE account is bound (shown as a hint). */
  lineBound?: boolean;
  /** The LINE accounts bound to the client, oldest binding first; each gets an "Unbind" button. */
  lineAccounts?: BoundLineAccount[];
}

export interface BoundLineAccount {
  lineUserId: string;
  displayName: string | null;
  following: boolean;
}

export interface CustomerListItem {
  id: string;
  name: string;
  company?: string | null;
  balanceDueSatang: number;
  overdueCount: number;
  openJobCount: number;
}

export interface CustomerCarouselOptions {
  lang: Lang;
  /** Total matches when `customers` is already a page of a larger result. */
  totalCount?: number;
  /** Postback for a "show more" button on the last bubble (e.g. {a: PB.more, q, o}). */
  more?: PostbackPayload;
}

export interface LinkCardInput {
  lang: Lang;
  linkId: string;
  url: string;
  scope: LinkScope;
  customerName: string;
  documentNumber?: string;
  /** 'YYYY-MM-DD'; null = until the document is settled. */
  expiresOn?: string | null;
  /** Where "send to client" would go, if known (shown as a hint). */
  channel?: 'line' | 'email' | 'sms' | null;
}

export interface OverdueItem {
  invoiceId: string;
  invoiceNumber: string;
  customerName: string;
  amountDueSatang: number;
  /** 'YYYY-MM-DD' */
  dueDate: string;
  daysOverdue: number;
}

export interface StageChoice {
  /** Stage key, e.g. 'in_progress'. */
  key: string;
  label: string;
  /** Whole words within the 20-character quick-reply limit (STAGE_BUTTON_LABELS); else `label`, clamped. */
  buttonLabel?: string;
}

export interface StageChooserInput {
  lang: Lang;
  jobId: string;
  jobNumber: string;
  jobTitle: string;
  currentStageLabel: string;
  /** Stage key the job is at now; sent back with the choice so a second press acts once. */
  currentStage?: string;
  /** Allowed next stages, in display order. At most 13 are offered. */
  stages: StageChoice[];
}

export interface ConfirmCardInput {
  lang: Lang;
  title: string;
  body?: string;
  confirm: PostbackPayload;
  /** Default {a: PB.cancel}. */
  cancel?: PostbackPayload;
  confirmLabel?: string;
  cancelLabel?: string;
  /** Red confirm button for destructive actions (revoke links, reject). */
  danger?: boolean;
}

export interface HelpCommand {
  command: string;
  description: string;
}

/** A client's payment notice to review (NoticeForStaff, server/services/ports.ts). */
export interface SlipReviewInput {
  lang: Lang;
  noticeId: string;
  amountSatang: number;
  customerName: string;
  target: { kind: 'invoice' | 'deposit'; number: string };
  /** Still due on the target, to spot a mismatch. */
  balanceSatang?: number | null;
  /** Bank code from the slip's mini QR; null = no readable QR. */
  sendingBank: string | null;
  transRef: string | null;
  /** Signed slip URL: shown as the image when https (LINE refuses others), else as a button. */
  slipUrl: string | null;
  sentAt: Date | string;
}

const name = (value: string) => clampText(value, MAX.name);
const doc = (value: string) => clampText(value, MAX.docNumber);

function staffHeader(title: string, subtitle?: string): messagingApi.FlexBox {
  const contents: FlexComponent[] = [text(clampText(title, MAX.title), { size: 'lg', weight: 'bold', maxLines: 2 })];
  if (subtitle) contents.push(text(clampText(subtitle, MAX.title), { size: 'xs', color: COLORS.muted, maxLines: 2, margin: 'xs' }));
  return vbox(contents, { paddingAll: '16px', paddingBottom: '8px' });
}

const body = (contents: FlexComponent[]) => vbox(contents, { paddingAll: '16px', paddingTop: '4px' });

/** "LINE accounts (n)" with each account's name, whether it follows us, and an Unbind button. */
function lineAccountsBlock(lang: Lang, customerId: string, accounts: BoundLineAccount[]): FlexComponent[] {
  const block: FlexComponent[] = [
    text(`${pick(lang, 'บัญชี LINE ที่เชื่อม', 'Linked LINE accounts')} (${accounts.length})`, { size: 'sm', weight: 'bold', margin: 'lg' }),
  ];
  if (accounts.length === 0) block.push(text(pick(lang, 'ยังไม่มีบัญชี LINE ที่เชื่อม', 'No LINE account linked'), { size: 'xs', color: COLORS.muted, margin: 'sm' }));
  for (const account of accounts) {
    block.push(
      hbox(
        [
          vbox(
            [
              text(account.displayName ? name(account.displayName) : pick(lang, '(ไม่ทราบชื่อ)', '(no name)'), { size: 'sm', maxLines: 1 }),
              text(
                account.following ? pick(lang, 'เป็นเพื่อนกับร้านแล้ว', 'Follows us') : pick(lang, 'ยังไม่ได้เพิ่มเพื่อน (ส่งทางอีเมล/SMS)', 'Not following (email/SMS used)'),
                {
                  size: 'xs',
                  color: account.following ? COLORS.success : COLORS.muted,
                  maxLines: 1,
                },
              ),
            ],
            { flex: 1 },
          ),
          button(postbackAction(pick(lang, 'ยกเลิกการเชื่อม', 'Unbind'), { a: PB.unbindLineAsk, c: customerId, u: account.lineUserId }), 'link', {
            flex: 0,
            gravity: 'center',
          }),
        ],
        { margin: 'md', spacing: 'sm' },
      ),
    );
  }
  return block;
}

export function customerCard(input: CustomerCardInput): FlexMessage {
  const { lang } = input;
  const overdue = input.overdueCount > 0;
  const visit = input.lastPortalVisitAt ? formatDateTime(input.lastPortalVisitAt, lang) : pick(lang, 'ยังไม่เคยเปิด', 'Never');
  const details: FlexComponent[] = [
    row(pick(lang, 'ใบแจ้งหนี้เกินกำหนด', 'Overdue invoices'), String(input.overdueCount), { tone: overdue ? 'danger' : 'default', bold: overdue }),
    row(pick(lang, 'เงินประกันที่ถืออยู่', 'Deposits held'), money(input.depositsHeldSatang, lang)),
    row(pick(lang, 'เข้าพอร์ทัลล่าสุด', 'Last portal visit'), visit),
  ];
  if (input.lineBound !== undefined && !input.lineAccounts) {
    details.push(
      row('LINE', input.lineBound ? pick(lang, 'เชื่อมแล้ว', 'Linked') : pick(lang, 'ยังไม่เชื่อม', 'Not linked'), { tone: input.lineBound ? 'success' : 'muted' }),
    );
  }
  const jobs = input.openJobs
    .slice(0, CUSTOMER_CARD_MAX_JOBS)
    .map((job) =>
      hbox(
        [
          vbox(
            [
              text(`${doc(job.number)} · ${clampText(job.title, MAX.title)}`, { size: 'sm', maxLines: 2 }),
              text(clampText(job.stageLabel, MAX.stage), { size: 'xs', color: COLORS.primary, weight: 'bold', maxLines: 1 }),
            ],
            { flex: 1 },
          ),
          button(postbackAction(pick(lang, 'สถานะ', 'Stage'), { a: PB.chooseStage, j: job.id }), 'link', { flex: 0, gravity: 'center' }),
        ],
        { margin: 'md', spacing: 'sm' },
      ),
    );
  const lineBlock: FlexComponent[] = input.lineAccounts ? lineAccountsBlock(lang, input.id, input.lineAccounts) : [];
  const jobsBlock: FlexComponent[] = [text(`${pick(lang, 'งานที่เปิดอยู่', 'Open jobs')} (${input.openJobs.length})`, { size: 'sm', weight: 'bold', margin: 'lg' })];
  if (jobs.length === 0) jobsBlock.push(text(pick(lang, 'ไม่มีงานที่เปิดอยู่', 'No open jobs'), { size: 'xs', color: COLORS.muted, margin: 'sm' }));
  jobsBlock.push(...jobs);
  const hidden = input.openJobs.length - jobs.length;
  if (hidden > 0) jobsBlock.push(text(pick(lang, `+ อีก ${hidden} งาน`, `+${hidden} more`), { size: 'xs', color: COLORS.muted, margin: 'sm' }));

  const buttons: FlexComponent[] = [button(postbackAction(pick(lang, 'สร้างลิงก์พอร์ทัล', 'Portal link'), { a: PB.link, c: input.id }), 'primary')];
  if (input.balanceDueSatang > 0 || overdue) {
    buttons.push(button(postbackAction(pick(lang, 'ส่งแจ้งเตือนชำระเงิน', 'Send payment reminder'), { a: PB.remindCustomer, c: input.id }), 'secondary'));
  }
  return flexMessage(
    pick(
      lang,
      `ลูกค้า ${name(input.name)}: ค้างชำระ ${money(input.balanceDueSatang, lang)}`,
      `Customer ${name(input.name)}: ${money(input.balanceDueSatang, lang)} due`,
    ),
    bubble({
      header: staffHeader(name(input.name), input.company ? clampText(input.company, MAX.name) : undefined),
      body: body([
        keyAmount(pick(lang, 'ยอดค้างชำระ', 'Balance due'), money(input.balanceDueSatang, lang), overdue ? 'danger' : 'default'),
        separator(),
        vbox(details, { margin: 'md' }),
        ...lineBlock,
        separator(),
        ...jobsBlock,
      ]),
      footer: footer(buttons),
    }),
  );
}

function customerSummaryBubble(customer: CustomerListItem, lang: Lang): FlexBubble {
  const overdue = customer.overdueCount > 0;
  const contents: FlexComponent[] = [text(name(customer.name), { size: 'md', weight: 'bold', maxLines: 2 })];
  if (customer.company) contents.push(text(clampText(customer.company, MAX.name), { size: 'xs', color: COLORS.muted, maxLines: 1 }));
  contents.push(
    keyAmount(pick(lang, 'ค้างชำระ', 'Balance due'), money(customer.balanceDueSatang, lang), overdue ? 'danger' : 'default'),
    text(
      pick(
        lang,
        `งานเปิด ${customer.openJobCount} · เกินกำหนด ${customer.overdueCount}`,
        `${customer.openJobCount} open job(s) · ${customer.overdueCount} overdue`,
      ),
      { size: 'xs', color: overdue ? COLORS.danger : COLORS.muted, margin: 'sm', maxLines: 2 },
    ),
  );
  return bubble({
    size: 'kilo',
    body: vbox(contents, { paddingAll: '16px' }),
    footer: footer([button(postbackAction(pick(lang, 'ดูข้อมูล', 'Open'), { a: PB.customer, c: customer.id }), 'secondary')]),
  });
}

/** Up to 12 bubbles; with more customers, 11 customers and a last bubble saying "+N more". */
export function customerCarousel(customers: CustomerListItem[], options: CustomerCarouselOptions): FlexMessage {
  const { lang } = options;
  const total = Math.max(options.totalCount ?? customers.length, customers.length);
  if (customers.length === 0) {
    return flexMessage(
      pick(lang, 'ไม่พบลูกค้า', 'No customers found'),
      bubble({ size: 'kilo', body: body([text(pick(lang, 'ไม่พบลูกค้าที่ตรงกับคำค้นหา', 'No customers match your search.'), { margin: 'md' })]) }),
    );
  }
  const overflow = total > CAROUSEL_MAX_BUBBLES || customers.length > CAROUSEL_MAX_BUBBLES || options.more !== undefined;
  const shown = overflow ? customers.slice(0, CAROUSEL_MAX_BUBBLES - 1) : customers;
  const bubbles = shown.map((c) => customerSummaryBubble(c, lang));
  const remaining = total - shown.length;
  if (overflow && remaining > 0) {
    const moreContents: FlexComponent[] = [
      text(pick(lang, `+ อีก ${remaining} ราย`, `+${remaining} more`), { size: 'xl', weight: 'bold', align: 'center' }),
      text(pick(lang, 'พิมพ์ชื่อให้ละเอียดขึ้นเพื่อค้นหา', 'Type more of the name to narrow the search.'), {
        size: 'xs',
        color: COLORS.muted,
        align: 'center',
        margin: 'md',
      }),
    ];
    bubbles.push(
      bubble({
        size: 'kilo',
        body: vbox(moreContents, { paddingAll: '16px', justifyContent: 'center' }),
        ...(options.more ? { footer: footer([button(postbackAction(pick(lang, 'ดูเพิ่ม', 'Show more'), options.more), 'secondary')]) } : {}),
      }),
    );
  }
  return flexMessage(pick(lang, `พบลูกค้า ${total} ราย`, `${total} customer(s) found`), { type: 'carousel', contents: bubbles });
}

const SCOPE_LABELS: Record<LinkScope, [string, string]> = {
  customer: ['ทั้งหมดของลูกค้า', 'Everything for the customer'],
  quote: ['ใบเสนอราคาเดียว', 'Single quote'],
  invoice: ['ใบแจ้งหนี้เดียว', 'Single invoice'],
};

const CHANNEL_LABELS: Record<'line' | 'email' | 'sms', [string, string]> = {
  line: ['LINE', 'LINE'],
  email: ['อีเมล', 'Email'],
  sms: ['SMS', 'SMS'],
};

export function linkCard(input: LinkCardInput): FlexMessage {
  const { lang } = input;
  const url = requireUrl(input.url);
  const [scopeTh, scopeEn] = SCOPE_LABELS[input.scope];
  const details: FlexComponent[] = [row(pick(lang, 'ขอบเขต', 'Scope'), pick(lang, scopeTh, scopeEn))];
  if (input.documentNumber) details.push(row(pick(lang, 'เอกสาร', 'Document'), doc(input.documentNumber)));
  details.push(
    row(pick(lang, 'หมดอายุ', 'Expires'), input.expiresOn ? formatDate(input.expiresOn, lang) : pick(lang, 'เมื่อเอกสารปิด', 'When the document is settled')),
  );
  if (input.channel) {
    const [chTh, chEn] = CHANNEL_LABELS[input.channel];
    details.push(row(pick(lang, 'ส่งทาง', 'Sends via'), pick(lang, chTh, chEn)));
  }
  const send = postbackAction(
    pick(lang, 'ส่งให้ลูกค้า', 'Send to client'),
    { a: PB.sendLink, l: input.linkId },
    pick(lang, 'ส่งลิงก์ให้ลูกค้า', 'Send the link to the client'),
  );
  const copy: messagingApi.ClipboardAction = { type: 'clipboard', label: pick(lang, 'คัดลอกลิงก์', 'Copy link'), clipboardText: url };
  return flexMessage(
    pick(lang, `ลิงก์พอร์ทัลสำหรับ ${name(input.customerName)}`, `Portal link for ${name(input.customerName)}`),
    bubble({
      header: staffHeader(pick(lang, 'ลิงก์พอร์ทัล', 'Portal link'), name(input.customerName)),
      body: body([
        vbox(details, { margin: 'sm' }),
        separator(),
        text(pick(lang, 'กดค้างที่ลิงก์เพื่อคัดลอกหรือส่งต่อ', 'Long-press the link to copy or forward it:'), { size: 'xxs', color: COLORS.muted, margin: 'md' }),
        // The URL is never clamped: a shortened link would not work.
        text(url, { size: 'xs', color: '#1A5FB4', wrap: true, margin: 'sm' }),
      ]),
      footer: footer([
        button(send, 'primary'),
        hbox([button(copy, 'secondary', { flex: 1 }), button(uriAction(pick(lang, 'เปิด', 'Open'), url), 'link', { flex: 1 })], { spacing: 'sm' }),
      ]),
    }),
  );
}

/** The bare URL as a text message: the easiest thing to long-press and forward in LINE. */
export function linkCopyMessage(url: string): messagingApi.TextMessage {
  return { type: 'text', text: requireUrl(url) };
}

export interface OverdueListOptions {
  lang: Lang;
  /** All overdue invoices, when `items` is one page of them. */
  totalCount?: number;
  /** Amount due over all overdue invoices (not only the page shown); defaults to the sum of `items`. */
  totalDueSatang?: number;
  /** Position of `items[0]` among all overdue invoices (0 = first page). */
  offset?: number;
  /** Postback for the "next page" button (e.g. {a: PB.overdue, o: 10}), when there are more. */
  more?: PostbackPayload;
}

export function overdueList(items: OverdueItem[], options: OverdueListOptions): FlexMessage {
  const { lang } = options;
  const offset = options.offset ?? 0;
  const sorted = [...items].sort(
    (a, b) => a.dueDate.localeCompare(b.dueDate) || b.daysOverdue - a.daysOverdue || a.invoiceNumber.localeCompare(b.invoiceNumber),
  );
  const shown = sorted.slice(0, OVERDUE_LIST_MAX_ROWS);
  const total = Math.max(options.totalCount ?? items.length, offset + items.length);
  const totalDue = options.totalDueSatang ?? items.reduce((sum, item) => sum + item.amountDueSatang, 0);
  const rows: FlexComponent[] = shown.flatMap((item, i) => {
    const days = pick(lang, `เกิน ${item.daysOverdue} วัน`, `${item.daysOverdue}d late`);
    const line = hbox(
      [
        vbox(
          [
            text(name(item.customerName), { size: 'sm', weight: 'bold', maxLines: 1 }),
            text(`${doc(item.invoiceNumber)} · ${formatDate(item.dueDate, lang)} · ${days}`, { size: 'xxs', color: COLORS.muted, maxLines: 2 }),
            text(money(item.amountDueSatang, lang), { size: 'sm', color: COLORS.danger, weight: 'bold' }),
          ],
          { flex: 1 },
        ),
        button(
          postbackAction(
            pick(lang, 'เตือน', 'Remind'),
            { a: PB.remind, i: item.invoiceId },
            pick(lang, `เตือน ${doc(item.invoiceNumber)}`, `Remind ${doc(item.invoiceNumber)}`),
          ),
          'secondary',
          {
            flex: 0,
            gravity: 'center',
          },
        ),
      ],
      { spacing: 'sm', margin: 'md' },
    );
    return i === 0 ? [line] : [separator('md'), line];
  });
  const hidden = Math.max(0, total - offset - shown.length);
  const range = shown.length > 0 && (offset > 0 || hidden > 0) ? ` · ${offset + 1}–${offset + shown.length}` : '';
  const contents: FlexComponent[] =
    items.length === 0
      ? [text(pick(lang, 'ไม่มีใบแจ้งหนี้เกินกำหนด', 'No overdue invoices.'), { margin: 'md', color: COLORS.success })]
      : [keyAmount(pick(lang, `รวมยอดเกินกำหนด (${total} รายการ)`, `Total overdue (${total})`), money(totalDue, lang), 'danger'), separator(), ...rows];
  if (hidden > 0) contents.push(text(pick(lang, `+ อีก ${hidden} รายการ`, `+${hidden} more`), { size: 'xs', color: COLORS.muted, margin: 'md' }));
  const next = Math.min(hidden, OVERDUE_LIST_MAX_ROWS);
  const more =
    hidden > 0 && options.more
      ? footer([
          button(
            postbackAction(
              pick(lang, `ดูอีก ${next} รายการ`, `Next ${next}`),
              options.more,
              pick(lang, `ดูใบแจ้งหนี้เกินกำหนดอีก ${next} รายการ`, `Next ${next} overdue invoices`),
            ),
            'secondary',
          ),
        ])
      : undefined;
  return flexMessage(
    pick(lang, `ใบแจ้งหนี้เกินกำหนด ${total} รายการ`, `${total} overdue invoice(s)`),
    bubble({
      header: staffHeader(`${pick(lang, 'ใบแจ้งหนี้เกินกำหนด', 'Overdue invoices')} (${total})`, `${pick(lang, 'เรียงจากเก่าสุด', 'Oldest first')}${range}`),
      body: body(contents),
      ...(more ? { footer: more } : {}),
    }),
  );
}

/** A text prompt with one quick-reply button per allowed next stage (at most 13). */
export function stageChooser(input: StageChooserInput): messagingApi.TextMessage {
  const { lang } = input;
  const job = `${doc(input.jobNumber)} ${clampText(input.jobTitle, 60)}`;
  const current = clampText(input.currentStageLabel, MAX.stage);
  if (input.stages.length === 0) {
    return { type: 'text', text: pick(lang, `งาน ${job}\nสถานะ: ${current}\nไม่มีสถานะถัดไปให้เลือก`, `Job ${job}\nStage: ${current}\nThere is no next stage.`) };
  }
  const items: messagingApi.QuickReplyItem[] = input.stages.slice(0, QUICK_REPLY_MAX_ITEMS).map((stage) => ({
    type: 'action',
    action: postbackAction(
      stage.buttonLabel ?? stage.label,
      { a: PB.setStage, j: input.jobId, s: stage.key, f: input.currentStage },
      pick(
        lang,
        `ย้ายงาน ${doc(input.jobNumber)} ไป "${clampText(stage.label, MAX.stage)}"`,
        `Move ${doc(input.jobNumber)} to "${clampText(stage.label, MAX.stage)}"`,
      ),
      MAX.quickReplyLabel,
    ),
  }));
  return {
    type: 'text',
    text: pick(lang, `งาน ${job}\nสถานะตอนนี้: ${current}\nเลือกสถานะใหม่ด้านล่าง`, `Job ${job}\nCurrent stage: ${current}\nPick the new stage below.`),
    quickReply: { items },
  };
}

export function confirmCard(input: ConfirmCardInput): FlexMessage {
  const { lang } = input;
  const contents: FlexComponent[] = [text(clampText(input.title, MAX.title), { size: 'md', weight: 'bold', maxLines: 3 })];
  if (input.body) contents.push(text(clampText(input.body, MAX.note, { multiline: true }), { size: 'sm', color: COLORS.muted, margin: 'md', maxLines: 8 }));
  const confirmLabel = input.confirmLabel ?? pick(lang, 'ยืนยัน', 'Confirm');
  const cancelLabel = input.cancelLabel ?? pick(lang, 'ยกเลิก', 'Cancel');
  return flexMessage(
    clampText(input.title, MAX.title),
    bubble({
      size: 'kilo',
      body: vbox(contents, { paddingAll: '16px' }),
      footer: vbox(
        [
          hbox(
            [
              button(postbackAction(cancelLabel, input.cancel ?? { a: PB.cancel }, cancelLabel), 'secondary', { flex: 1 }),
              button(postbackAction(confirmLabel, input.confirm, confirmLabel), 'primary', { flex: 1, color: input.danger ? COLORS.danger : COLORS.primary }),
            ],
            { spacing: 'sm' },
          ),
        ],
        { paddingAll: '12px' },
      ),
    }),
  );
}

/**
 * `commands`: HELP_COMMANDS from bot/commands/parse-command.ts, the one list the parser answers to.
 * `staffAppUrl`: the staff app (LIFF) when configured — what the bot cannot do, the app does.
 */
export function helpCard(lang: Lang, commands: HelpCommand[], staffAppUrl: string | null = null): FlexMessage {
  const rows: FlexComponent[] = commands
    .slice(0, 20)
    .map((c, i) =>
      vbox(
        [
          text(clampText(c.command, 60), { size: 'sm', weight: 'bold', color: COLORS.primary, maxLines: 1 }),
          text(clampText(c.description, 120), { size: 'xs', color: COLORS.muted, maxLines: 2 }),
        ],
        { margin: i === 0 ? 'sm' : 'md' },
      ),
    );
  return flexMessage(
    pick(lang, 'คำสั่งที่ใช้ได้', 'Available commands'),
    bubble({
      header: staffHeader(pick(lang, 'คำสั่งที่ใช้ได้', 'What I can do'), pick(lang, 'พิมพ์ภาษาไทยหรืออังกฤษก็ได้', 'Type in Thai or English')),
      body: body(rows),
      ...(staffAppUrl ? { footer: footer([button(uriAction(pick(lang, 'เปิดแอปพนักงาน', 'Open the staff app'), staffAppUrl), 'primary')]) } : {}),
    }),
  );
}

function slipReviewBubble(input: SlipReviewInput): FlexBubble {
  const { lang } = input;
  const url = input.slipUrl === null ? null : requireUrl(input.slipUrl, 'slipUrl');
  const secure = url !== null && /^https:/i.test(url);
  const viewSlip = url === null ? null : uriAction(pick(lang, 'ดูสลิป', 'View slip'), url);
  const details: FlexComponent[] = [
    row(pick(lang, 'ลูกค้า', 'Customer'), name(input.customerName), { maxLines: 2 }),
    row((input.target.kind === 'invoice' ? DOCUMENT_KIND_LABELS.invoice : SECURITY_DEPOSIT)[lang], doc(input.target.number)),
  ];
  if (input.balanceSatang != null) {
    const mismatch = input.balanceSatang !== input.amountSatang;
    details.push(row(pick(lang, 'ยอดค้าง', 'Balance due'), money(input.balanceSatang, lang), mismatch ? { tone: 'warning', bold: true } : {}));
  }
  details.push(
    row(pick(lang, 'ธนาคาร', 'Bank'), input.sendingBank ? clampText(bankName(input.sendingBank, lang), MAX.name) : pick(lang, 'อ่าน QR ไม่ได้', 'No QR read'), {
      maxLines: 2,
      ...(input.sendingBank ? {} : { tone: 'warning' as const }),
    }),
    row(pick(lang, 'เลขอ้างอิง', 'Reference'), input.transRef ? doc(input.transRef) : '-'),
    ...(input.slipUrl === null ? [row(pick(lang, 'สลิป', 'Slip'), pick(lang, 'ไม่มี (แจ้งจากธนาคาร)', 'None (reported by the bank)'))] : []),
    row(pick(lang, 'ส่งเมื่อ', 'Sent'), formatDateTime(input.sentAt, lang)),
  );
  const buttons: FlexComponent[] = [
    hbox(
      [
        button(postbackAction(pick(lang, 'ปฏิเสธ', 'Reject'), { a: PB.slipReject, n: input.noticeId }, pick(lang, 'ปฏิเสธสลิป', 'Reject slip')), 'secondary', {
          flex: 1,
        }),
        button(
          postbackAction(pick(lang, 'ยืนยันรับเงิน', 'Confirm'), { a: PB.slipConfirm, n: input.noticeId }, pick(lang, 'ยืนยันรับเงิน', 'Confirm payment')),
          'primary',
          { flex: 1 },
        ),
      ],
      { spacing: 'sm' },
    ),
  ];
  // LINE shows only https images; over http the slip opens in the browser instead.
  if (viewSlip && !secure) buttons.unshift(button(viewSlip, 'link'));
  return bubble({
    header: staffHeader(pick(lang, 'ตรวจสลิปการชำระเงิน', 'Payment slip to review')),
    ...(secure && url && viewSlip
      ? {
          hero: {
            type: 'image' as const,
            url: requireImageUrl(url, 'slipUrl'),
            size: 'full',
            aspectRatio: '3:4',
            aspectMode: 'fit' as const,
            backgroundColor: COLORS.surface,
            action: viewSlip,
          },
        }
      : {}),
    body: body([keyAmount(pick(lang, 'ยอดตามแจ้ง', 'Amount claimed'), money(input.amountSatang, lang)), separator(), vbox(details, { margin: 'md' })]),
    footer: vbox(buttons, { paddingAll: '12px', spacing: 'sm' }),
  });
}

const slipAltText = (input: SlipReviewInput) =>
  pick(
    input.lang,
    `สลิปรอตรวจ: ${name(input.customerName)} ${money(input.amountSatang, input.lang)}`,
    `Slip to review: ${name(input.customerName)} ${money(input.amountSatang, input.lang)}`,
  );

/** A new payment notice, pushed to staff: the slip, what it pays, Confirm / Reject. */
export function slipReviewCard(input: SlipReviewInput): FlexMessage {
  return flexMessage(slipAltText(input), slipReviewBubble(input));
}

/** Notices waiting for review, oldest first: up to 12 bubbles, the 12th saying "+N more" when there are more. */
export function slipReviewCarousel(lang: Lang, notices: Omit<SlipReviewInput, 'lang'>[], total: number): FlexMessage {
  if (notices.length === 0) {
    return flexMessage(
      pick(lang, 'ไม่มีสลิปรอตรวจ', 'No slips waiting for review'),
      bubble({ size: 'kilo', body: body([text(pick(lang, 'ไม่มีสลิปรอตรวจ', 'No slips waiting for review.'), { margin: 'md', color: COLORS.success })]) }),
    );
  }
  const overflow = total > CAROUSEL_MAX_BUBBLES;
  const shown = notices.slice(0, overflow ? CAROUSEL_MAX_BUBBLES - 1 : CAROUSEL_MAX_BUBBLES);
  const bubbles = shown.map((n) => slipReviewBubble({ ...n, lang }));
  if (overflow) {
    const remaining = total - shown.length;
    bubbles.push(
      bubble({
        size: 'kilo',
        body: vbox(
          [
            text(pick(lang, `+ อีก ${remaining} รายการ`, `+${remaining} more`), { size: 'xl', weight: 'bold', align: 'center' }),
            text(pick(lang, 'ตรวจรายการด้านซ้ายก่อน แล้วพิมพ์ "สลิป" อีกครั้ง', 'Review these first, then type "slips" again.'), {
              size: 'xs',
              color: COLORS.muted,
              align: 'center',
              margin: 'md',
              wrap: true,
            }),
          ],
          { paddingAll: '16px', justifyContent: 'center' },
        ),
      }),
    );
  }
  return flexMessage(pick(lang, `สลิปรอตรวจ ${total} รายการ`, `${total} slip(s) waiting for review`), { type: 'carousel', contents: bubbles });
}

export interface QuoteAnsweredInput {
  lang: Lang;
  accepted: boolean;
  quoteNumber: string;
  customerName: string;
  totalSatang: number;
  signerName?: string | null;
  reason?: string | null;
  depositNumber?: string | null;
  jobNumber?: string | null;
  at: Date;
}

/** Pushed to staff the moment a client accepts (signs) or declines a quote in the portal. */
export function quoteAnsweredCard(input: QuoteAnsweredInput): FlexMessage {
  const { lang } = input;
  const title = input.accepted ? pick(lang, 'ลูกค้ายอมรับใบเสนอราคา', 'Quote accepted') : pick(lang, 'ลูกค้าปฏิเสธใบเสนอราคา', 'Quote declined');
  const details: FlexComponent[] = [
    row(pick(lang, DOCUMENT_KIND_LABELS.quote.th, 'Quote'), clampText(input.quoteNumber, MAX.docNumber)),
    row(pick(lang, 'ลูกค้า', 'Customer'), clampText(input.customerName, MAX.name)),
  ];
  if (input.signerName) details.push(row(pick(lang, 'ลงนามโดย', 'Signed by'), clampText(input.signerName, MAX.name)));
  details.push(row(pick(lang, 'เมื่อ', 'At'), formatDateTime(input.at, lang)));
  if (input.jobNumber) details.push(row(pick(lang, 'งาน', 'Job'), clampText(input.jobNumber, MAX.docNumber)));
  if (input.depositNumber) details.push(row(pick(lang, 'มัดจำรอชำระ', 'Deposit pending'), clampText(input.depositNumber, MAX.docNumber), { tone: 'warning' }));
  if (!input.accepted) details.push(row(pick(lang, 'เหตุผล', 'Reason'), input.reason ? clampText(input.reason, MAX.reason) : '-', { maxLines: 4 }));
  return flexMessage(
    `${title}: ${clampText(input.quoteNumber, MAX.docNumber)} — ${clampText(input.customerName, MAX.name)}`,
    bubble({
      size: 'kilo',
      body: vbox(
        [
          text(title, { size: 'md', weight: 'bold', color: input.accepted ? COLORS.success : COLORS.danger, maxLines: 2, wrap: true }),
          keyAmount(pick(lang, 'ยอดรวม', 'Total'), money(input.totalSatang, lang)),
          separator(),
          vbox(details, { margin: 'md' }),
        ],
        { paddingAll: '16px' },
      ),
    }),
  );
}

export interface DuplicateSlipInput {
  lang: Lang;
  customerName: string;
  target: { kind: 'invoice' | 'deposit'; number: string };
  amountSatang: number;
  sendingBank: string | null;
  transRef: string;
  usedBy: { kind: 'notice' | 'payment'; number: string; at: Date };
  sentAt: Date;
}

/** Pushed to staff when a client's slip was refused because its bank reference was already used. */
export function duplicateSlipCard(input: DuplicateSlipInput): FlexMessage {
  const { lang } = input;
  const title = pick(lang, 'สลิปซ้ำ: ปฏิเสธแล้ว', 'Slip already used: refused');
  const usedBy =
    input.usedBy.kind === 'notice'
      ? pick(lang, `แจ้งชำระ ${doc(input.usedBy.number)}`, `Payment notice for ${doc(input.usedBy.number)}`)
      : pick(lang, `การชำระเงิน ${doc(input.usedBy.number)}`, `Payment ${doc(input.usedBy.number)}`);
  const details: FlexComponent[] = [
    row(pick(lang, 'ลูกค้า', 'Customer'), name(input.customerName), { maxLines: 2 }),
    row((input.target.kind === 'invoice' ? DOCUMENT_KIND_LABELS.invoice : SECURITY_DEPOSIT)[lang], doc(input.target.number)),
    row(pick(lang, 'ธนาคาร', 'Bank'), input.sendingBank ? clampText(bankName(input.sendingBank, lang), MAX.name) : '-', { maxLines: 2 }),
    row(pick(lang, 'เลขอ้างอิง', 'Reference'), doc(input.transRef)),
    row(pick(lang, 'ใช้แล้วกับ', 'Already used by'), usedBy, { tone: 'warning', bold: true, maxLines: 2 }),
    row(pick(lang, 'ใช้เมื่อ', 'Used on'), formatDateTime(input.usedBy.at, lang)),
    row(pick(lang, 'ส่งเมื่อ', 'Sent'), formatDateTime(input.sentAt, lang)),
  ];
  return flexMessage(
    pick(
      lang,
      `สลิปซ้ำ: ${name(input.customerName)} ${money(input.amountSatang, lang)}`,
      `Slip already used: ${name(input.customerName)} ${money(input.amountSatang, lang)}`,
    ),
    bubble({
      size: 'kilo',
      header: staffHeader(title),
      body: body([
        keyAmount(pick(lang, 'ยอดตามแจ้ง', 'Amount claimed'), money(input.amountSatang, lang)),
        separator(),
        vbox(details, { margin: 'md' }),
        text(pick(lang, 'ลูกค้าได้รับแจ้งว่าสลิปนี้ใช้แล้ว ไม่มีการบันทึกใด ๆ', 'The client was told this slip was already used; nothing was recorded.'), {
          size: 'xs',
          color: COLORS.muted,
          margin: 'md',
          wrap: true,
        }),
      ]),
    }),
  );
}
