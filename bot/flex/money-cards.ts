/** The deposit-return summary staff confirm in LINE: what is held, each deduction, the refund, and where it goes. */
import type { messagingApi } from '@line/bot-sdk';
import { clampText, MAX, money, pick, requireImageUrl, requireUrl, type Lang } from './format.ts';
import { bubble, button, COLORS, flexMessage, hbox, keyAmount, postbackAction, row, separator, text, uriAction, vbox } from './parts.ts';
import type { PostbackPayload } from './postback.ts';
import { SECURITY_DEPOSIT } from '../../server/domain/labels.ts';

type FlexComponent = messagingApi.FlexComponent;

export interface DepositReturnSummaryInput {
  lang: Lang;
  depositNumber: string;
  customerName: string;
  heldSatang: number;
  deductions: { amountSatang: number; reason: string }[];
  refundSatang: number;
  /** The client's own PromptPay for the refund, and a QR for exactly the refund (an HTTPS image in the card, and a link to open it). */
  refundTo: { id: string; qrImageUrl: string | null; qrPageUrl: string | null } | null;
  confirm: PostbackPayload;
  cancel: PostbackPayload;
}

export function depositReturnSummary(input: DepositReturnSummaryInput): messagingApi.FlexMessage {
  const { lang } = input;
  const lines: FlexComponent[] = [
    row(pick(lang, 'ลูกค้า', 'Customer'), clampText(input.customerName, MAX.name)),
    row(pick(lang, 'เงินประกันที่ถืออยู่', 'Deposit held'), money(input.heldSatang, lang)),
  ];
  if (input.deductions.length === 0) lines.push(row(pick(lang, 'หัก', 'Deductions'), pick(lang, 'ไม่มี', 'None')));
  for (const d of input.deductions) {
    lines.push(row(`${pick(lang, 'หัก', 'Less')}: ${clampText(d.reason, MAX.reason)}`, `-${money(d.amountSatang, lang)}`, { tone: 'warning', maxLines: 3 }));
  }
  const contents: FlexComponent[] = [
    text(clampText(pick(lang, `คืน${SECURITY_DEPOSIT.th} ${input.depositNumber}`, `Return deposit ${input.depositNumber}`), MAX.title), {
      size: 'md',
      weight: 'bold',
    }),
    vbox(lines, { margin: 'md' }),
    separator(),
    keyAmount(pick(lang, 'ยอดคืนลูกค้า', 'Refund to the client'), money(input.refundSatang, lang), 'success'),
  ];
  const footerButtons: FlexComponent[] = [];
  let hero: FlexComponent | undefined;
  if (input.refundTo && input.refundSatang > 0) {
    contents.push(
      text(
        pick(
          lang,
          `โอนคืนเข้าพร้อมเพย์ของลูกค้า ${input.refundTo.id}: สแกน QR ด้วยแอปธนาคาร (ยอดตรงกับยอดคืน)`,
          `Refund to the client's PromptPay ${input.refundTo.id}: scan the QR in your banking app (the amount is the refund).`,
        ),
        { size: 'xs', color: COLORS.muted, margin: 'md' },
      ),
    );
    if (input.refundTo.qrImageUrl) {
      hero = { type: 'image', url: requireImageUrl(input.refundTo.qrImageUrl, 'qrImageUrl'), size: 'full', aspectRatio: '1:1', aspectMode: 'fit' };
    }
    if (input.refundTo.qrPageUrl) {
      footerButtons.push(button(uriAction(pick(lang, 'เปิด QR โอนคืน', 'Open refund QR'), requireUrl(input.refundTo.qrPageUrl, 'qrPageUrl')), 'link'));
    }
  } else if (input.refundSatang > 0) {
    contents.push(
      text(pick(lang, 'ลูกค้ายังไม่ได้ให้พร้อมเพย์สำหรับรับเงินคืน โอนคืนตามช่องทางที่ตกลงกัน', 'The client gave no PromptPay for refunds; refund them the way you agreed.'), {
        size: 'xs',
        color: COLORS.muted,
        margin: 'md',
      }),
    );
  }
  const confirmLabel = pick(lang, 'ยืนยันคืนเงิน', 'Confirm return');
  const cancelLabel = pick(lang, 'ยกเลิก', 'Cancel');
  footerButtons.push(
    hbox(
      [
        button(postbackAction(cancelLabel, input.cancel, cancelLabel), 'secondary', { flex: 1 }),
        button(postbackAction(confirmLabel, input.confirm, confirmLabel), 'primary', { flex: 1 }),
      ],
      { spacing: 'sm' },
    ),
  );
  return flexMessage(
    pick(
      lang,
      `คืน${SECURITY_DEPOSIT.th} ${input.depositNumber}: คืน ${money(input.refundSatang, lang)}`,
      `Return ${input.depositNumber}: refund ${money(input.refundSatang, lang)}`,
    ),
    bubble({
      ...(hero ? { hero } : {}),
      body: vbox(contents, { paddingAll: '16px' }),
      footer: vbox(footerButtons, { spacing: 'sm', paddingAll: '12px' }),
    }),
  );
}
