/**
 * What clients and strangers get in chat. A bound client gets "your portal" (their own
 * customer-wide link) with quick replies; anyone else gets how to open the link they were sent.
 * Nothing here reads what they typed: no phone number, invoice number or name can make the
 * bot reveal anyone's data.
 */
import type { messagingApi } from '@line/bot-sdk';
import type { AppContext } from '../../server/services/context.ts';
import { portalLinkForChat } from '../../server/services/chat-portal-link.ts';
import { getBusiness } from '../../server/services/business.ts';
import { getCustomerContact } from '../../server/services/staff-queries.ts';
import { bangkokDate } from '../../server/domain/dates.ts';
import { DOCUMENT_KIND_LABELS } from '../../server/domain/labels.ts';
import { clientFlexMessage } from '../flex/client-messages.ts';
import { pick } from '../flex/format.ts';
import { textMessage, uriItem, type Answer } from '../commands/answers.ts';

async function businessOrNull(ctx: AppContext) {
  try {
    return await getBusiness(ctx.db);
  } catch {
    return null;
  }
}

export async function yourPortalAnswer(ctx: AppContext, customerId: string): Promise<Answer> {
  const customer = await getCustomerContact(ctx, customerId);
  const lang = customer.language;
  const business = await businessOrNull(ctx);
  const link = await portalLinkForChat(ctx, customerId);
  const phone = business?.phone?.replace(/[^\d+]/g, '');
  if (!link) return linksRevokedAnswer(lang, business ? pick(lang, business.name, business.nameEn) : null, phone);
  // Inside LINE the LIFF URL opens the portal in LINE's own browser, already signed in.
  const url = link.liffUrl ?? link.url;
  const card = clientFlexMessage({
    kind: 'portal_link',
    lang,
    businessName: business ? pick(lang, business.name, business.nameEn || business.name) : pick(lang, 'พอร์ทัลลูกค้า', 'Client portal'),
    customerName: customer.name,
    webUrl: link.url,
    liffUrl: link.liffUrl,
    shortUrl: link.url,
    scope: 'customer',
    documentNumber: null,
    expiresOn: bangkokDate(link.expiresAt),
  });
  const items: messagingApi.QuickReplyItem[] = [
    uriItem(pick(lang, 'งานของฉัน', 'My jobs'), `${url}/jobs`),
    uriItem(pick(lang, DOCUMENT_KIND_LABELS.invoice.th, 'Invoices'), `${url}/invoices`),
  ];
  if (phone) items.push(uriItem(pick(lang, 'ติดต่อเรา', 'Contact us'), `tel:${phone}`));
  return [{ ...card, quickReply: { items } }];
}

/** Staff revoked the customer's links: no new link from chat; the business issues the next one. */
function linksRevokedAnswer(lang: 'th' | 'en', businessName: string | null, phone: string | undefined): Answer {
  const who = businessName ?? pick(lang, 'ร้าน', 'the business');
  const text = pick(
    lang,
    `ลิงก์พอร์ทัลของคุณถูกยกเลิกโดย ${who} แล้ว กรุณาติดต่อ ${who} เพื่อขอลิงก์ใหม่`,
    `${who} has withdrawn your portal links. Please contact them for a new link.`,
  );
  return [textMessage(text, phone ? [uriItem(pick(lang, 'ติดต่อเรา', 'Contact us'), `tel:${phone}`)] : undefined)];
}

/** Bilingual, because we do not know who is writing. */
export function strangerAnswer(): Answer {
  return [
    textMessage(
      [
        'สวัสดีค่ะ 🙏 หากคุณได้รับลิงก์พอร์ทัลลูกค้าจากร้าน (ทาง SMS อีเมล หรือแชท) กรุณากดเปิดลิงก์นั้นในแอป LINE บนมือถือ ระบบจะเชื่อมบัญชี LINE ของคุณ แล้วคุณจะดูงาน ใบแจ้งหนี้ และชำระเงินได้จากแชทนี้',
        'ยังไม่ได้รับลิงก์? ติดต่อร้านเพื่อขอลิงก์ได้เลยค่ะ',
        '',
        'Hello! If the business sent you a portal link (by SMS, email or chat), open it in the LINE app on your phone. That connects your LINE account, and you can then see your jobs and invoices and pay from this chat.',
        'No link yet? Please contact the business to get one.',
      ].join('\n'),
    ),
  ];
}

export function enrolmentAnswer(result: { status: 'enrolled' | 'already_staff'; role: 'owner' | 'staff' } | { status: 'invalid_code' }): Answer {
  if (result.status === 'invalid_code') {
    return [
      textMessage(
        'รหัสลงทะเบียนไม่ถูกต้อง ใช้ไปแล้ว หรือหมดอายุ (ใช้ได้ 24 ชั่วโมง ครั้งเดียว) กรุณาขอรหัสใหม่จากเจ้าของร้าน\n\nThis enrolment code is not valid, already used or expired (codes work once, for 24 hours). Please ask the owner for a new one.',
      ),
    ];
  }
  if (result.status === 'already_staff') return [textMessage('คุณลงทะเบียนเป็นพนักงานอยู่แล้ว พิมพ์ "ช่วยเหลือ"\nYou are already enrolled as staff. Type "help".')];
  const role = result.role === 'owner' ? ['เจ้าของร้าน', 'owner'] : ['พนักงาน', 'staff'];
  return [textMessage(`ลงทะเบียนเรียบร้อย คุณเป็น${role[0]}แล้ว พิมพ์ "ช่วยเหลือ" เพื่อดูคำสั่ง\nYou are enrolled as ${role[1]}. Type "help" to see what I can do.`)];
}
