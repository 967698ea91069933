/**
 * ENGINEERING.md's dependency rule, checked over the import graph of server/, bot/ and liff/src
 * (static imports, `export … from`, dynamic `import()` and `import('…')` types, parsed with Vite's
 * oxc parser). Layers, top to bottom; a folder imports only folders below it:
 *
 *   composition root    server/composition.ts, server/wire-messaging.ts (started by main.ts and
 *                       worker-main.ts); the only server code that imports bot/
 *   transports          server/http, bot
 *   use cases & views   server/documents → server/portal → server/services (incl. services/messages)
 *   infrastructure      server/channels → server/messaging (outbox: enqueue, worker, ports, templates),
 *                       server/data, server/payments, server/config, server/logger.ts
 *   domain              server/domain (imports nothing but itself)
 *
 * liff/ is a separate program: it shares server code only as `import type` or import-free data
 * modules. Type-only imports count for cycles: a type still ties two folders' changes together.
 * Decision record: docs/decisions/0004-layers.md.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSync } from 'vite';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const SCANNED = ['server', 'bot', 'liff/src', 'liff/staff'];
const GENERATED = 'server/generated'; // the Prisma client
const COMPOSITION_ROOT = ['server/composition.ts', 'server/wire-messaging.ts'];
/** The LINE webhook inbox is the transport's own durable queue (like the outbox), not a use case. */
const BOT_DB_ALLOWED = ['bot/webhook/inbox.ts'];

interface Edge {
  from: string;
  line: number;
  to: string;
  typeOnly: boolean;
}
type AstNode = { type?: string; start?: number; [key: string]: unknown };

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const rel = posix.join(dir, name);
    if (rel === GENERATED) return [];
    if (statSync(join(ROOT, rel)).isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(name) ? [rel] : [];
  });
}

function walk(node: unknown, visit: (n: AstNode) => void): void {
  if (Array.isArray(node))
    node.forEach((n) => {
      walk(n, visit);
    });
  else if (node && typeof node === 'object') {
    visit(node as AstNode);
    for (const value of Object.values(node)) if (value && typeof value === 'object') walk(value, visit);
  }
}

function parse(file: string) {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const lineOf = (offset = 0) => text.slice(0, offset).split('\n').length;
  return { program: parseSync(file, text).program as unknown as AstNode, lineOf };
}

/** Relative specifiers become repo paths; packages become `pkg:<name>`. */
function resolve(from: string, spec: string): string {
  return spec.startsWith('.') ? posix.normalize(posix.join(posix.dirname(from), spec)) : `pkg:${spec}`;
}
const isPackage = (path: string) => path.startsWith('pkg:');

function importsOf(file: string): Edge[] {
  const { program, lineOf } = parse(file);
  const edges: Edge[] = [];
  walk(program, (n) => {
    const source = n.source as { value?: unknown } | undefined;
    if (typeof source?.value !== 'string') return;
    const specifiers = (n.specifiers ?? []) as { importKind?: string; exportKind?: string }[];
    let typeOnly: boolean;
    if (n.type === 'ImportDeclaration' || n.type === 'ExportNamedDeclaration' || n.type === 'ExportAllDeclaration') {
      typeOnly =
        n.importKind === 'type' ||
        n.exportKind === 'type' ||
        (specifiers.length > 0 && specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type'));
    } else if (n.type === 'ImportExpression') typeOnly = false;
    else if (n.type === 'TSImportType') typeOnly = true;
    else return;
    edges.push({ from: file, line: lineOf(n.start), to: resolve(file, source.value), typeOnly });
  });
  return edges;
}

/** Reads or writes through a database handle: `ctx.db.lineUser…`, `db.$transaction`, `this.#db.x`, `tx.x`. */
function databaseQueries(file: string): string[] {
  const { program, lineOf } = parse(file);
  const found: string[] = [];
  walk(program, (n) => {
    if (n.type !== 'MemberExpression') return;
    const object = n.object as AstNode & { name?: string; property?: { name?: string } };
    const name = object.type === 'Identifier' ? object.name : object.type === 'MemberExpression' ? object.property?.name : undefined;
    if (name === 'db' || name === 'tx') found.push(`${file}:${lineOf(n.start)} queries the database (${name}.${(n.property as { name?: string }).name})`);
  });
  return found;
}

const under = (path: string, ...dirs: string[]) => dirs.some((d) => path === d || path.startsWith(`${d}/`));
const isImportFree = (path: string) => existsSync(join(ROOT, path)) && importsOf(path).length === 0;

/** Folder = server/<dir>, a file directly in server/, bot, liff. */
function folderOf(path: string): string {
  const parts = path.split('/');
  if (parts[0] === 'server') return parts.length > 2 ? `server/${parts[1]}` : path;
  return parts[0]!;
}

const RULES: { rule: string; broken: (e: Edge) => boolean }[] = [
  { rule: 'the domain imports nothing but itself', broken: (e) => under(e.from, 'server/domain') && !under(e.to, 'server/domain') },
  {
    rule: 'use cases and what they use never import a transport (server/http, bot)',
    broken: (e) => under(e.from, 'server') && !under(e.from, 'server/http') && !COMPOSITION_ROOT.includes(e.from) && under(e.to, 'server/http', 'bot'),
  },
  { rule: 'only the composition root imports bot/', broken: (e) => !under(e.from, 'bot') && under(e.to, 'bot') && !COMPOSITION_ROOT.includes(e.from) },
  { rule: 'bot/ does not import server/http', broken: (e) => under(e.from, 'bot') && under(e.to, 'server/http') },
  {
    rule: 'bot/ does not use Prisma (the Db type only)',
    broken: (e) => under(e.from, 'bot') && (e.to.startsWith('pkg:@prisma/') || under(e.to, GENERATED) || (under(e.to, 'server/data') && !e.typeOnly)),
  },
  {
    rule: 'liff/ shares server code only as `import type` or import-free data modules',
    broken: (e) => under(e.from, 'liff') && !isPackage(e.to) && !under(e.to, 'liff') && !e.typeOnly && !isImportFree(e.to),
  },
  { rule: 'relative imports name an existing file', broken: (e) => !isPackage(e.to) && !existsSync(join(ROOT, e.to)) },
];

/** Strongly connected components with more than one member (Tarjan). */
function cycles(graph: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>(),
    low = new Map<string, number>(),
    stack: string[] = [],
    onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1) found.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

function cycleReport(edges: Edge[], keyOf: (path: string) => string, what: string): string[] {
  const graph = new Map<string, Set<string>>();
  const examples = new Map<string, Edge[]>();
  for (const e of edges.filter((e) => !isPackage(e.to))) {
    const [a, b] = [keyOf(e.from), keyOf(e.to)];
    if (a === b) continue;
    graph.set(a, (graph.get(a) ?? new Set()).add(b));
    examples.set(`${a} → ${b}`, [...(examples.get(`${a} → ${b}`) ?? []), e]);
  }
  const show = (k: string) => {
    const list = examples.get(k)!;
    return `${k} (${list.length}): ${list
      .slice(0, 3)
      .map((e) => `${e.from}:${e.line}${e.typeOnly ? ' (type)' : ''}`)
      .join(', ')}${list.length > 3 ? ', …' : ''}`;
  };
  return cycles(graph).flatMap((members) => {
    const inside = [...examples.keys()].filter((k) => members.some((a) => members.some((b) => k === `${a} → ${b}`)));
    const twoWay = inside.filter((k) => examples.has(k.split(' → ').reverse().join(' → ')));
    return [
      `${what} cycle: ${members.join(', ')}`,
      ...twoWay.map((k) => `    two-way: ${show(k)}`),
      ...inside.filter((k) => !twoWay.includes(k)).map((k) => `    ${show(k)}`),
    ];
  });
}

const files = SCANNED.flatMap(sourceFiles);
const edges = files.flatMap(importsOf);

describe('architecture (ENGINEERING.md dependency rule)', () => {
  it('reads the whole import graph', () => {
    expect(files.length).toBeGreaterThan(150);
    expect(edges.length).toBeGreaterThan(800);
    expect(edges).toContainEqual({ from: 'server/main.ts', line: expect.any(Number), to: 'server/composition.ts', typeOnly: false });
  });

  it('catches a planted violation of each import rule', () => {
    const planted: Edge[] = [
      { from: 'server/domain/money.ts', line: 1, to: 'server/data/database.ts', typeOnly: true },
      { from: 'server/services/jobs.ts', line: 1, to: 'server/http/errors.ts', typeOnly: false },
      { from: 'server/http/app.ts', line: 1, to: 'bot/line-api.ts', typeOnly: false },
      { from: 'bot/handle-event.ts', line: 1, to: 'server/http/errors.ts', typeOnly: true },
      { from: 'bot/handle-event.ts', line: 1, to: 'server/data/database.ts', typeOnly: false },
      { from: 'liff/src/app.tsx', line: 1, to: 'server/services/links.ts', typeOnly: false },
    ];
    for (const edge of planted)
      expect(
        RULES.some((r) => r.broken(edge)),
        `${edge.from} → ${edge.to}`,
      ).toBe(true);
  });

  it('follows every import rule', () => {
    const violations = edges.flatMap((e) =>
      RULES.filter((r) => r.broken(e)).map((r) => `${e.from}:${e.line} → ${e.to}${e.typeOnly ? ' (type)' : ''}  [${r.rule}]`),
    );
    expect(violations, violations.join('\n')).toEqual([]);
  });

  it('bot/ leaves the database to use cases (passing ctx.db on to one is fine)', () => {
    const queries = files.filter((f) => under(f, 'bot') && !BOT_DB_ALLOWED.includes(f)).flatMap(databaseQueries);
    expect(queries, queries.join('\n')).toEqual([]);
  });

  it('has no import cycles between folders, nor between files', () => {
    const report = [...cycleReport(edges, folderOf, 'folder'), ...cycleReport(edges, (p) => p, 'file')];
    expect(report, report.join('\n')).toEqual([]);
  });
});
