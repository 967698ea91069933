/**
 * Postback data: a short `key=value&key=value` string (URL-encoded values), at most 300
 * characters (LINE's limit). Keys are short; values are ids, not customer text.
 *
 * The action names the builders in bot/flex put in `a=`; the bot's postback handler
 * dispatches on these.
 */
export const POSTBACK_MAX_LENGTH = 300;

export const PB = {
  /** c=<customerId>: show the customer card. */
  customer: 'cust',
  /** c=<customerId>[&s=quote|invoice&d=<documentId>]: generate (or reuse) a portal link. */
  link: 'link',
  /** l=<linkId>: send an existing link to the client through their channel. */
  sendLink: 'sendlink',
  /** i=<invoiceId>: send a payment reminder for the invoice. */
  remind: 'remind',
  /** c=<customerId>: remind the customer about all their overdue invoices. */
  remindCustomer: 'remindc',
  /** j=<jobId>: show the stage chooser for the job. */
  chooseStage: 'stage',
  /** j=<jobId>&s=<stageKey>[&f=<stage the job was at when the button was made>]: move the job to the stage. */
  setStage: 'setstage',
  /** c=<customerId>: revoke every link of the customer (sent by a confirm button). */
  revokeLinks: 'revoke',
  /** c=<customerId>&u=<lineUserId>: ask before unbinding a LINE account from the customer. */
  unbindLineAsk: 'unbindq',
  /** c=<customerId>&u=<lineUserId>: unbind the LINE account (sent by the confirm button). */
  unbindLine: 'unbind',
  /** n=<paymentNoticeId>: confirm a client's payment notice (slip). */
  slipConfirm: 'slipok',
  /** n=<paymentNoticeId>: reject a payment notice: asks for the reason. */
  slipReject: 'slipno',
  /** n=<paymentNoticeId>&r=<reason key, REJECT_REASONS>: reject the notice with that reason. */
  slipRejectWith: 'slipnor',
  /** i=<invoiceId>&s=<satang>&m=<method>&n=<nonce>: record the payment staff typed (the nonce makes a second tap replay). */
  payConfirm: 'payok',
  /** d=<depositId>&s=<satang>&m=<method>&n=<nonce>: record a deposit collection. */
  depositConfirm: 'depok',
  /** d=<depositId>&s=<refund satang>&k=<deducted satang>&n=<nonce>: return the deposit as summarised. */
  returnConfirm: 'retok',
  /** Cancels the deposit return in progress (its deductions are dropped). */
  returnCancel: 'retno',
  /** o=<offset>[&c=<customerId>]: a page of the overdue list (all customers, or one). */
  overdue: 'overdue',
  /** q=<query>&o=<offset>: next page of a customer search. */
  more: 'more',
  /** e=<webhook event id of the client's slip image>&t=invoice.<id>|deposit.<id>: the client says which balance the slip pays. */
  clientSlip: 'slippay',
  /** Generic: the caller's own confirm/cancel payloads (confirmCard). */
  cancel: 'cancel',
} as const;

export type PostbackActionName = (typeof PB)[keyof typeof PB];
export type PostbackValue = string | number | boolean;
export type PostbackPayload = Readonly<Record<string, PostbackValue | null | undefined>>;

const KEY_RE = /^[A-Za-z][A-Za-z0-9_]{0,15}$/;

export class PostbackTooLongError extends Error {
  readonly length: number;
  constructor(length: number) {
    super(`postback data is ${length} characters; LINE allows at most ${POSTBACK_MAX_LENGTH}`);
    this.name = 'PostbackTooLongError';
    this.length = length;
  }
}

/** {a:'remind', i:'inv_1'} -> "a=remind&i=inv_1". null/undefined values are left out. Throws if > 300 chars. */
export function encodePostback(payload: PostbackPayload): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(payload)) {
    if (value === undefined || value === null) continue;
    if (!KEY_RE.test(key)) throw new TypeError(`postback key ${JSON.stringify(key)} must be a short identifier`);
    parts.push(`${key}=${encodeURIComponent(String(value))}`);
  }
  const data = parts.join('&');
  if (data.length > POSTBACK_MAX_LENGTH) throw new PostbackTooLongError(data.length);
  return data;
}

/**
 * "a=remind&i=inv_1" -> {a:'remind', i:'inv_1'}. Values are always strings; unknown or
 * malformed pairs are skipped, never thrown on (postback data comes from the network).
 * The first occurrence of a repeated key wins.
 */
export function decodePostback(data: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  if (typeof data !== 'string' || data.length === 0 || data.length > POSTBACK_MAX_LENGTH) return out;
  for (const pair of data.split('&')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const key = pair.slice(0, eq);
    if (!KEY_RE.test(key) || key in out) continue;
    try {
      out[key] = decodeURIComponent(pair.slice(eq + 1));
    } catch {
      // malformed %-escape: skip the pair
    }
  }
  return out;
}
