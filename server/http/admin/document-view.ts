/** How a quote or invoice is answered by the admin API: amounts in satang, quantities as numbers. */
import { quantityFromMilli } from '../../domain/money.ts';
import { totalsView } from '../../services/pricing.ts';

type PricedDocument = Parameters<typeof totalsView>[0] & {
  id: string;
  number: string;
  status: string;
  customerId: string;
  lines?: { description: string; quantityMilli: number; unitPriceSatang: number; amountSatang: number }[];
  [key: string]: unknown;
};

export function documentView(doc: PricedDocument) {
  const { lines, grossSatang: _g, ...rest } = doc;
  return {
    ...rest,
    ...totalsView(doc),
    ...(lines
      ? { lines: lines.map((l) => ({ description: l.description, quantity: quantityFromMilli(l.quantityMilli), unitPriceSatang: l.unitPriceSatang, amountSatang: l.amountSatang })) }
      : {}),
  };
}
