/**
 * Staff unbinding a client's LINE account from the customer card: ask first, then unbind through
 * the use case (which is conditional on the binding still being there, so a second press or two
 * staff at once unbind once).
 */
import { listLineAccounts, unbindLineAccount } from '../../server/services/line-accounts.ts';
import { getCustomerName } from '../../server/services/staff-queries.ts';
import { isDomainError } from '../../server/domain/errors.ts';
import { confirmCard } from '../flex/staff-messages.ts';
import { pick } from '../flex/format.ts';
import { PB } from '../flex/postback.ts';
import { staffMenu, textMessage, type Answer } from './answers.ts';
import type { StaffContext } from './staff-actions.ts';

function notBound(s: StaffContext, customerName: string): Answer {
  return [
    textMessage(
      pick(s.lang, `บัญชี LINE นี้ไม่ได้เชื่อมกับ ${customerName} แล้ว ไม่มีอะไรเปลี่ยนแปลง`, `That LINE account is no longer linked to ${customerName}; nothing changed.`),
      staffMenu(s.lang),
    ),
  ];
}

export async function unbindLineConfirmAnswer(s: StaffContext, customerId: string, lineUserId: string): Promise<Answer> {
  const customerName = await getCustomerName(s.ctx, customerId);
  const account = (await listLineAccounts(s.ctx, customerId)).find((a) => a.lineUserId === lineUserId);
  if (!account) return notBound(s, customerName);
  const who = account.displayName ?? pick(s.lang, '(ไม่ทราบชื่อ)', '(no name)');
  return [
    confirmCard({
      lang: s.lang,
      title: pick(s.lang, `ยกเลิกการเชื่อม LINE "${who}" จาก ${customerName}?`, `Unbind LINE "${who}" from ${customerName}?`),
      body: pick(
        s.lang,
        'บัญชีนี้จะไม่ได้รับข้อความของลูกค้ารายนี้อีก และบอทจะไม่ส่งลิงก์ให้ ลูกค้าเชื่อมใหม่ได้จากลิงก์ลูกค้าใหม่ (ระบบจะถามก่อน)',
        'It stops receiving this customer’s messages and the bot gives it no link. The client can connect again from a new customer link (they are asked first).',
      ),
      confirm: { a: PB.unbindLine, c: customerId, u: lineUserId },
      confirmLabel: pick(s.lang, 'ยกเลิกการเชื่อม', 'Unbind'),
      cancelLabel: pick(s.lang, 'ไม่ใช่', 'Keep it'),
      danger: true,
    }),
  ];
}

export async function unbindLineAnswer(s: StaffContext, customerId: string, lineUserId: string): Promise<Answer> {
  const customerName = await getCustomerName(s.ctx, customerId);
  try {
    await unbindLineAccount(s.ctx, { customerId, lineUserId });
  } catch (error) {
    if (isDomainError(error, 'NOT_FOUND')) return notBound(s, customerName);
    throw error;
  }
  return [textMessage(pick(s.lang, `ยกเลิกการเชื่อมบัญชี LINE จาก ${customerName} แล้ว`, `LINE account unbound from ${customerName}.`), staffMenu(s.lang))];
}
