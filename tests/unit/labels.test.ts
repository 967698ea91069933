/**
 * One wording: every customer-facing name (stages, statuses, methods, receipts, documents) is
 * written once, in server/domain/labels.ts. These checks fail when a copy reappears in the
 * source tree, when the portal stops reading the shared table, or when the module grows an
 * import (liff/ may only import it because it has none).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as labels from '../../server/domain/labels.ts';
import { translator, type MessageKey } from '../../liff/src/i18n.ts';
import { LINE_LIMITS } from '../fakes/fake-line-schema.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const LABELS_FILE = path.join(ROOT, 'server/domain/labels.ts');

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (name === 'node_modules' || name === 'generated') continue;
    if (statSync(full).isDirectory()) sourceFiles(full, out);
    else if (/\.(ts|tsx)$/.test(name)) out.push(full);
  }
  return out;
}

/** Files where a label's words appear for another reason, and why. */
const NOT_WORDING: Record<string, string> = {};

const files = ['server', 'bot', 'liff/src']
  .flatMap((dir) => sourceFiles(path.join(ROOT, dir)))
  .filter((f) => f !== LABELS_FILE && !(path.relative(ROOT, f) in NOT_WORDING));

const TABLES: Record<string, Record<string, labels.Wording>> = {
  STAGE_LABELS: labels.STAGE_LABELS,
  STAGE_BUTTON_LABELS: labels.STAGE_BUTTON_LABELS,
  INVOICE_STATUS_LABELS: labels.INVOICE_STATUS_LABELS,
  QUOTE_STATUS_LABELS: labels.QUOTE_STATUS_LABELS,
  DEPOSIT_STATUS_LABELS: labels.DEPOSIT_STATUS_LABELS,
  PAYMENT_STATUS_LABELS: labels.PAYMENT_STATUS_LABELS,
  PAYMENT_METHOD_LABELS: labels.PAYMENT_METHOD_LABELS,
  RECEIPT_TYPE_LABELS: labels.RECEIPT_TYPE_LABELS,
  DOCUMENT_KIND_LABELS: labels.DOCUMENT_KIND_LABELS,
};

const thaiLabels = [...new Set([...Object.values(TABLES).flatMap((t) => Object.values(t).map((w) => w.th)), labels.SECURITY_DEPOSIT.th])];

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the shared label module', () => {
  it('imports nothing, so liff/ can take it as plain data', () => {
    const source = readFileSync(LABELS_FILE, 'utf8');
    expect(source).not.toMatch(/^\s*import\s/m);
    expect(source).not.toMatch(/\bimport\(|\brequire\(/);
  });

  it('has a Thai and an English name for every key, and no Thai name means two things in one table', () => {
    for (const [name, table] of Object.entries(TABLES)) {
      const th = Object.values(table).map((w) => w.th);
      expect(new Set(th).size, name).toBe(th.length);
      for (const w of Object.values(table)) {
        expect(w.th.trim().length, name).toBeGreaterThan(0);
        expect(w.en.trim().length, name).toBeGreaterThan(0);
      }
    }
  });

  it('covers every stage in the order, and every stage button fits a LINE quick reply without cutting a word', () => {
    expect(Object.keys(labels.STAGE_LABELS).sort()).toEqual([...labels.JOB_STAGES].sort());
    for (const stage of labels.JOB_STAGES) {
      for (const lang of ['th', 'en'] as const) {
        expect(labels.STAGE_BUTTON_LABELS[stage][lang].length, `${stage} ${lang}`).toBeLessThanOrEqual(LINE_LIMITS.quickReplyLabelChars);
      }
    }
  });
});

describe('no copies of the wording elsewhere', () => {
  it.each(thaiLabels)('"%s" is written only in server/domain/labels.ts', (label) => {
    // A string literal that is exactly the label ('…', "…" or `…`): a second copy of the name.
    const literal = new RegExp(`(['"\`])${escapeRegExp(label)}\\1`);
    const copies = files.filter((f) => literal.test(readFileSync(f, 'utf8'))).map((f) => path.relative(ROOT, f));
    expect(copies).toEqual([]);
  });

  it('no file spells out the stage order again', () => {
    const order = new RegExp(
      labels.JOB_STAGE_FLOW.slice(0, 3)
        .map((s) => `['"]${s}['"]`)
        .join('\\s*,\\s*'),
    );
    const copies = files.filter((f) => order.test(readFileSync(f, 'utf8'))).map((f) => path.relative(ROOT, f));
    expect(copies).toEqual([]);
  });
});

describe('the portal reads the shared table', () => {
  const prefixes: [string, Record<string, labels.Wording>][] = [
    ['stage', labels.STAGE_LABELS],
    ['inv', labels.INVOICE_STATUS_LABELS],
    ['quote', labels.QUOTE_STATUS_LABELS],
    ['dep', labels.DEPOSIT_STATUS_LABELS],
    ['payment', labels.PAYMENT_STATUS_LABELS],
    ['method', labels.PAYMENT_METHOD_LABELS],
    ['receipt', labels.RECEIPT_TYPE_LABELS],
  ];
  it.each(['th', 'en'] as const)('every stage, status, method and receipt key resolves to the shared name (%s)', (lang) => {
    const t = translator(lang);
    for (const [prefix, table] of prefixes) {
      for (const [key, wording] of Object.entries(table)) {
        expect(t(`${prefix}.${key}` as MessageKey), `${prefix}.${key}`).toBe(wording[lang]);
      }
    }
  });
});
