/** How a quote or invoice is answered by the admin API: amounts in satang, quantities as numbers. */
import { quantityFromMilli } from '../../domain/money.ts';
import { totalsView } from '../../services/pricing.ts';

interface PricedDocument {
  id: string;
  number: string;
  status: string;
  customerId: string;
  subtotalSatang: number;
  discountSatang: number;
  vatSatang: number;
  vatMode: string;
  totalSatang: number;
  withholdingSatang: number;
  netPayableSatang: number;
  lines?: { description: string; quantityMilli: number; unitPriceSatang: number; amountSatang: number }[];
  [key: string]: unknown;
}

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
