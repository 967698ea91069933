/**
 * Staff button presses. The data comes from the network, so nothing in it is trusted: the
 * sender was re-checked as active staff before this runs (dispatch.ts), ids are looked up
 * again, and every action runs through a use case that checks the record's current state.
 */
import { isJobStage } from '../../server/domain/job-stages.ts';
import { isPaymentMethod } from '../../server/domain/payment-status.ts';
import { depositConfirmAnswer, NONCE, payConfirmAnswer, returnCancelAnswer, returnConfirmAnswer } from './money-actions.ts';
import { getInvoiceById } from '../../server/services/staff-queries.ts';
import { pick } from '../flex/format.ts';
import { decodePostback, PB } from '../flex/postback.ts';
import { staffMenu, textMessage, type Answer } from './answers.ts';
import { customerCardAnswer, findAnswer } from './customer-answers.ts';
import { unbindLineAnswer, unbindLineConfirmAnswer } from './line-account-actions.ts';
import { confirmSlipAnswer, isRejectReason, rejectSlipAnswer, rejectSlipAskAnswer } from './slip-review-actions.ts';
import {
  linkAnswer,
  moveStageAnswer,
  overdueAnswer,
  remindAnswer,
  remindCustomerAnswer,
  revokeAnswer,
  sendLinkAnswer,
  stageChooserAnswer,
  type StaffContext,
} from './staff-actions.ts';

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const LINE_USER_ID = /^U[0-9a-f]{32}$/;

function stale(s: StaffContext): Answer {
  return [textMessage(pick(s.lang, 'ปุ่มนี้ใช้ไม่ได้แล้ว ลองพิมพ์คำสั่งใหม่อีกครั้ง', 'This button no longer works; please type the command again.'), staffMenu(s.lang))];
}

export async function runStaffPostback(s: StaffContext, data: string): Promise<Answer> {
  const p = decodePostback(data);
  const id = (key: string): string | null => (p[key] && ID.test(p[key]!) ? p[key]! : null);
  switch (p['a']) {
    case PB.customer: {
      const c = id('c');
      return c ? customerCardAnswer(s.ctx, s.lang, c) : stale(s);
    }
    case PB.link: {
      const c = id('c');
      const d = id('d');
      if (d && (p['s'] === 'quote' || p['s'] === 'invoice')) return linkAnswer(s, p['s'], d);
      return c ? linkAnswer(s, 'customer', c) : stale(s);
    }
    case PB.sendLink: {
      const l = id('l');
      return l ? sendLinkAnswer(s, l) : stale(s);
    }
    case PB.remind: {
      const i = id('i');
      if (!i) return stale(s);
      const invoice = await getInvoiceById(s.ctx, i);
      return remindAnswer(s, invoice.id, invoice.number);
    }
    case PB.remindCustomer: {
      const c = id('c');
      return c ? remindCustomerAnswer(s, c) : stale(s);
    }
    case PB.chooseStage: {
      const j = id('j');
      return j ? stageChooserAnswer(s, { id: j }) : stale(s);
    }
    case PB.setStage: {
      const j = id('j');
      const to = p['s'];
      const from = p['f'];
      // Without the stage the button was made for, a second press could not be told from a first.
      if (!j || !to || !from || !isJobStage(to) || !isJobStage(from)) return stale(s);
      return moveStageAnswer(s, j, to, from);
    }
    case PB.revokeLinks: {
      const c = id('c');
      return c ? revokeAnswer(s, c) : stale(s);
    }
    case PB.unbindLineAsk:
    case PB.unbindLine: {
      const c = id('c');
      const u = p['u'] && LINE_USER_ID.test(p['u']) ? p['u'] : null;
      if (!c || !u) return stale(s);
      return p['a'] === PB.unbindLine ? unbindLineAnswer(s, c, u) : unbindLineConfirmAnswer(s, c, u);
    }
    case PB.overdue: {
      const o = Number(p['o']);
      const c = p['c'] === undefined ? undefined : id('c');
      if (c === null || !Number.isSafeInteger(o) || o < 0) return stale(s);
      return overdueAnswer(s, c, o);
    }
    case PB.more: {
      const q = p['q'];
      const o = Number(p['o']);
      return q && Number.isSafeInteger(o) && o >= 0 ? findAnswer(s.ctx, s.lang, q, o) : stale(s);
    }
    case PB.payConfirm:
    case PB.depositConfirm: {
      const target = id(p['a'] === PB.payConfirm ? 'i' : 'd');
      const amount = Number(p['s']);
      const method = p['m'];
      const nonce = p['n'] && NONCE.test(p['n']) ? p['n'] : null;
      if (!target || !Number.isSafeInteger(amount) || amount <= 0 || !method || !isPaymentMethod(method) || !nonce) return stale(s);
      return p['a'] === PB.payConfirm
        ? payConfirmAnswer(s, { invoiceId: target, amountSatang: amount, method, nonce })
        : depositConfirmAnswer(s, { depositId: target, amountSatang: amount, method, nonce });
    }
    case PB.returnConfirm: {
      const d = id('d');
      const refund = Number(p['s']);
      const deducted = Number(p['k']);
      const nonce = p['n'] && NONCE.test(p['n']) ? p['n'] : null;
      if (!d || !Number.isSafeInteger(refund) || refund < 0 || !Number.isSafeInteger(deducted) || deducted < 0 || !nonce) return stale(s);
      return returnConfirmAnswer(s, { depositId: d, refundSatang: refund, deductedSatang: deducted, nonce });
    }
    case PB.returnCancel:
      return returnCancelAnswer(s);
    case PB.cancel:
      return [textMessage(pick(s.lang, 'ยกเลิกแล้ว ไม่มีอะไรเปลี่ยนแปลง', 'Cancelled; nothing changed.'), staffMenu(s.lang))];
    case PB.slipConfirm: {
      const n = id('n');
      return n ? confirmSlipAnswer(s, n) : stale(s);
    }
    case PB.slipReject: {
      const n = id('n');
      return n ? rejectSlipAskAnswer(s, n) : stale(s);
    }
    case PB.slipRejectWith: {
      const n = id('n');
      const r = p['r'];
      return n && isRejectReason(r) ? rejectSlipAnswer(s, n, r) : stale(s);
    }
    default:
      return stale(s);
  }
}
