/**
 * Renders LINE messages as an HTML preview that looks close to the LINE app: Flex
 * bubbles and carousels (boxes with flex/spacing/margin/padding, text, spans, images,
 * icons, separators, fillers, buttons), text messages as chat bubbles, quick replies as
 * chips. For the operator's local outbox page.
 *
 * Every string from the message is HTML-escaped; colours, sizes and URLs only reach the
 * CSS/attributes after a strict pattern check, so a hostile message cannot inject markup,
 * styles or script URLs. Postback buttons are inert (their data is shown as a tooltip).
 */
import type { messagingApi } from '@line/bot-sdk';
import { escapeHtml } from '../../server/messaging/templates/email.ts';

type Json = Record<string, unknown>;

// One escaper for every HTML the project writes by hand (email, this preview, the outbox page).
export { escapeHtml };

const COLOR_RE = /^#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?$/;
const PX_RE = /^\d+(\.\d+)?px$/;
const PCT_RE = /^\d+(\.\d+)?%$/;

const SPACING: Record<string, string> = { none: '0px', xs: '2px', sm: '4px', md: '8px', lg: '12px', xl: '16px', xxl: '20px' };
const TEXT_SIZES: Record<string, string> = {
  xxs: '11px',
  xs: '13px',
  sm: '14px',
  md: '16px',
  lg: '19px',
  xl: '22px',
  xxl: '29px',
  '3xl': '35px',
  '4xl': '48px',
  '5xl': '74px',
};
const IMAGE_SIZES: Record<string, string> = {
  xxs: '40px',
  xs: '60px',
  sm: '80px',
  md: '100px',
  lg: '120px',
  xl: '140px',
  xxl: '160px',
  '3xl': '180px',
  '4xl': '200px',
  '5xl': '240px',
  full: '100%',
};
const BUBBLE_WIDTHS: Record<string, string> = { nano: '120px', micro: '160px', deca: '220px', hecto: '241px', kilo: '260px', mega: '300px', giga: '500px' };
const BORDER_WIDTHS: Record<string, string> = { none: '0px', light: '0.5px', normal: '1px', medium: '2px', 'semi-bold': '3px', bold: '4px' };
const RADII: Record<string, string> = { none: '0px', xs: '2px', sm: '4px', md: '8px', lg: '12px', xl: '16px', xxl: '20px' };

function color(value: unknown): string | undefined {
  return typeof value === 'string' && COLOR_RE.test(value) ? value : undefined;
}

function length(value: unknown, keywords: Record<string, string>, allowPercent = true): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (keywords[value] !== undefined) return keywords[value];
  if (PX_RE.test(value) || (allowPercent && PCT_RE.test(value))) return value;
  return undefined;
}

function safeHttpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function style(decls: Record<string, string | undefined>): string {
  const parts = Object.entries(decls)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}:${v}`);
  return parts.length > 0 ? ` style="${escapeHtml(parts.join(';'))}"` : '';
}

function isObj(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A description of an action for a tooltip, and an href when it is a safe web link. */
function describeAction(action: unknown): { title: string; href?: string } {
  if (!isObj(action)) return { title: '' };
  switch (action['type']) {
    case 'uri': {
      const href = safeHttpUrl(action['uri']);
      return { title: `uri: ${String(action['uri'] ?? '')}`, ...(href ? { href } : {}) };
    }
    case 'postback':
      return { title: `postback: ${String(action['data'] ?? '')}${action['displayText'] ? ` (shows "${String(action['displayText'])}")` : ''}` };
    case 'message':
      return { title: `message: ${String(action['text'] ?? '')}` };
    case 'clipboard':
      return { title: `copy: ${String(action['clipboardText'] ?? '')}` };
    default:
      return { title: String(action['type'] ?? '') };
  }
}

interface Ctx {
  /** Layout of the parent box. */
  parent: 'vertical' | 'horizontal' | 'baseline';
  /** Spacing of the parent box, applied before every child but the first. */
  spacing?: string;
  first: boolean;
}

function marginDecls(node: Json, ctx: Ctx): Record<string, string | undefined> {
  const margin = length(node['margin'], SPACING, false) ?? (ctx.first ? undefined : ctx.spacing);
  if (!margin || ctx.first) return {};
  return ctx.parent === 'vertical' ? { 'margin-top': margin } : { 'margin-left': margin };
}

function flexDecls(node: Json, ctx: Ctx): Record<string, string | undefined> {
  const explicit = typeof node['flex'] === 'number' && Number.isFinite(node['flex']) && node['flex'] >= 0 ? node['flex'] : undefined;
  if (ctx.parent === 'vertical') return explicit !== undefined ? { flex: `${explicit} ${explicit} auto` } : { flex: '0 0 auto' };
  const grow = explicit ?? 1;
  return { flex: grow === 0 ? '0 0 auto' : `${grow} ${grow} 0%`, 'min-width': '0' };
}

function positionDecls(node: Json): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  if (node['position'] === 'absolute') out['position'] = 'absolute';
  else if (node['offsetTop'] || node['offsetBottom'] || node['offsetStart'] || node['offsetEnd']) out['position'] = 'relative';
  out['top'] = length(node['offsetTop'], SPACING);
  out['bottom'] = length(node['offsetBottom'], SPACING);
  out['left'] = length(node['offsetStart'], SPACING);
  out['right'] = length(node['offsetEnd'], SPACING);
  return out;
}

function gravityDecl(node: Json): string | undefined {
  return { top: 'flex-start', center: 'center', bottom: 'flex-end' }[String(node['gravity'])];
}

function wrapAction(html: string, action: unknown, extraClass = ''): string {
  if (!isObj(action)) return html;
  const { title, href } = describeAction(action);
  if (href)
    return `<a class="lfp-action ${extraClass}" href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer" title="${escapeHtml(title)}">${html}</a>`;
  return `<span class="lfp-action ${extraClass}" title="${escapeHtml(title)}">${html}</span>`;
}

function renderComponent(node: unknown, ctx: Ctx): string {
  if (!isObj(node)) return '';
  switch (node['type']) {
    case 'box':
      return renderBox(node, ctx);
    case 'text':
      return renderText(node, ctx);
    case 'button':
      return renderButton(node, ctx);
    case 'image':
      return renderImage(node, ctx);
    case 'icon':
      return renderIcon(node, ctx);
    case 'separator': {
      const c = color(node['color']) ?? '#E6E6E6';
      const margin = length(node['margin'], SPACING, false);
      const decls =
        ctx.parent === 'vertical'
          ? { 'border-top': `1px solid ${c}`, 'margin-top': ctx.first ? undefined : (margin ?? ctx.spacing) }
          : { 'border-left': `1px solid ${c}`, 'margin-left': ctx.first ? undefined : (margin ?? ctx.spacing), 'align-self': 'stretch' };
      return `<div class="lfp-separator"${style({ ...decls, flex: '0 0 auto' })}></div>`;
    }
    case 'filler':
      return `<div class="lfp-filler"${style({ flex: `${typeof node['flex'] === 'number' ? node['flex'] : 1} 1 0%` })}></div>`;
    case 'span':
      return renderSpan(node);
    case 'video':
      return renderComponent(node['altContent'], ctx);
    default:
      return `<div class="lfp-unknown">${escapeHtml(String(node['type'] ?? 'unknown'))}</div>`;
  }
}

function renderBox(node: Json, ctx: Ctx): string {
  const layout = node['layout'] === 'horizontal' || node['layout'] === 'baseline' ? node['layout'] : 'vertical';
  const spacing = length(node['spacing'], SPACING, false);
  const children = Array.isArray(node['contents']) ? node['contents'] : [];
  const inner = children.map((child, i) => renderComponent(child, { parent: layout, ...(spacing ? { spacing } : {}), first: i === 0 })).join('');
  const padAll = length(node['paddingAll'], SPACING);
  const background = isObj(node['background']) && node['background']['type'] === 'linearGradient' ? gradient(node['background']) : undefined;
  const decls: Record<string, string | undefined> = {
    display: 'flex',
    'flex-direction': layout === 'vertical' ? 'column' : 'row',
    'align-items':
      layout === 'baseline'
        ? 'baseline'
        : ({ 'flex-start': 'flex-start', center: 'center', 'flex-end': 'flex-end' } as Record<string, string>)[String(node['alignItems'])],
    'justify-content':
      typeof node['justifyContent'] === 'string' && /^(center|flex-start|flex-end|space-between|space-around|space-evenly)$/.test(node['justifyContent'])
        ? node['justifyContent']
        : undefined,
    ...flexDecls(node, ctx),
    ...marginDecls(node, ctx),
    ...positionDecls(node),
    padding: padAll,
    'padding-top': length(node['paddingTop'], SPACING),
    'padding-bottom': length(node['paddingBottom'], SPACING),
    'padding-left': length(node['paddingStart'], SPACING),
    'padding-right': length(node['paddingEnd'], SPACING),
    'background-color': color(node['backgroundColor']),
    'background-image': background,
    'border-style': node['borderWidth'] || node['borderColor'] ? 'solid' : undefined,
    'border-width': node['borderWidth'] ? length(node['borderWidth'], BORDER_WIDTHS, false) : node['borderColor'] ? '1px' : undefined,
    'border-color': color(node['borderColor']),
    'border-radius': length(node['cornerRadius'], RADII, false),
    width: length(node['width'], {}),
    'max-width': length(node['maxWidth'], {}),
    height: length(node['height'], {}),
    'max-height': length(node['maxHeight'], {}),
    overflow: node['cornerRadius'] ? 'hidden' : undefined,
  };
  return wrapAction(`<div class="lfp-box lfp-${layout}"${style(decls)}>${inner}</div>`, node['action']);
}

function gradient(bg: Json): string | undefined {
  const start = color(bg['startColor']);
  const end = color(bg['endColor']);
  const angle = typeof bg['angle'] === 'string' && /^\d+(\.\d+)?deg$/.test(bg['angle']) ? bg['angle'] : '0deg';
  if (!start || !end) return undefined;
  const center = color(bg['centerColor']);
  const pos = typeof bg['centerPosition'] === 'string' && PCT_RE.test(bg['centerPosition']) ? bg['centerPosition'] : '50%';
  return center ? `linear-gradient(${angle}, ${start}, ${center} ${pos}, ${end})` : `linear-gradient(${angle}, ${start}, ${end})`;
}

function textDecls(node: Json): Record<string, string | undefined> {
  return {
    'font-size': length(node['size'], TEXT_SIZES, false),
    'font-weight': node['weight'] === 'bold' ? '700' : undefined,
    'font-style': node['style'] === 'italic' ? 'italic' : undefined,
    'text-decoration': node['decoration'] === 'underline' ? 'underline' : node['decoration'] === 'line-through' ? 'line-through' : undefined,
    color: color(node['color']),
  };
}

function renderSpan(node: Json): string {
  return `<span class="lfp-span"${style(textDecls(node))}>${escapeHtml(node['text'])}</span>`;
}

function renderText(node: Json, ctx: Ctx): string {
  const wrap = node['wrap'] === true;
  const maxLines = typeof node['maxLines'] === 'number' && node['maxLines'] > 0 ? Math.floor(node['maxLines']) : undefined;
  const content =
    Array.isArray(node['contents']) && node['contents'].length > 0
      ? node['contents'].map((s) => (isObj(s) ? renderSpan(s) : '')).join('')
      : escapeHtml(node['text']);
  const decls: Record<string, string | undefined> = {
    ...textDecls(node),
    ...flexDecls(node, ctx),
    ...marginDecls(node, ctx),
    ...positionDecls(node),
    'text-align': { start: 'left', center: 'center', end: 'right' }[String(node['align'])],
    'align-self': ctx.parent === 'horizontal' ? gravityDecl(node) : undefined,
    'white-space': wrap ? 'pre-wrap' : 'nowrap',
    'line-height': typeof node['lineSpacing'] === 'string' && PX_RE.test(node['lineSpacing']) ? `calc(1.4em + ${node['lineSpacing']})` : undefined,
  };
  const cls = wrap && maxLines ? 'lfp-text lfp-clamp' : wrap ? 'lfp-text' : 'lfp-text lfp-nowrap';
  const clamp = wrap && maxLines ? { '-webkit-line-clamp': String(maxLines) } : {};
  return wrapAction(`<div class="${cls}"${style({ ...decls, ...clamp })}>${content}</div>`, node['action']);
}

function renderButton(node: Json, ctx: Ctx): string {
  const variant = node['style'] === 'primary' || node['style'] === 'secondary' ? node['style'] : 'link';
  const custom = color(node['color']);
  const decls: Record<string, string | undefined> = {
    ...flexDecls(node, ctx),
    ...marginDecls(node, ctx),
    ...positionDecls(node),
    'align-self': ctx.parent === 'horizontal' ? gravityDecl(node) : undefined,
    height: node['height'] === 'sm' ? '40px' : '52px',
    'background-color': variant === 'link' ? undefined : custom,
    color: variant === 'link' ? custom : undefined,
  };
  const action = isObj(node['action']) ? node['action'] : {};
  const { title, href } = describeAction(action);
  const label = escapeHtml(action['label'] ?? '');
  const cls = `lfp-button lfp-button-${variant}`;
  if (href)
    return `<a class="${cls}" href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer" title="${escapeHtml(title)}"${style(decls)}>${label}</a>`;
  return `<span class="${cls}" role="button" title="${escapeHtml(title)}"${style(decls)}>${label}</span>`;
}

function aspectPadding(value: unknown, fallback = '100%'): string {
  if (typeof value !== 'string') return fallback;
  const m = /^(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(value);
  if (!m) return fallback;
  const w = Number(m[1]);
  const h = Number(m[2]);
  return w > 0 ? `${((h / w) * 100).toFixed(3)}%` : fallback;
}

function renderImage(node: Json, ctx: Ctx): string {
  const url = safeHttpUrl(node['url']);
  const width = length(node['size'], IMAGE_SIZES) ?? IMAGE_SIZES['md']!;
  const align = { start: 'flex-start', center: 'center', end: 'flex-end' }[String(node['align'] ?? 'center')] ?? 'center';
  const outer: Record<string, string | undefined> = {
    ...flexDecls(node, ctx),
    ...marginDecls(node, ctx),
    ...positionDecls(node),
    display: 'flex',
    'justify-content': align,
    'align-self': ctx.parent === 'horizontal' ? gravityDecl(node) : undefined,
  };
  const frame: Record<string, string | undefined> = {
    width,
    'max-width': '100%',
    'padding-top': aspectPadding(node['aspectRatio']),
    'background-color': color(node['backgroundColor']),
  };
  const fit = node['aspectMode'] === 'cover' ? 'cover' : 'contain';
  const img = url
    ? `<img src="${escapeHtml(url)}" alt="" loading="lazy" referrerpolicy="no-referrer"${style({ 'object-fit': fit })}>`
    : '<span class="lfp-img-missing">image</span>';
  return `<div class="lfp-image"${style(outer)}>${wrapAction(`<div class="lfp-image-frame"${style(frame)}>${img}</div>`, node['action'])}</div>`;
}

function renderIcon(node: Json, ctx: Ctx): string {
  const url = safeHttpUrl(node['url']);
  const size = length(node['size'], TEXT_SIZES, false) ?? TEXT_SIZES['md']!;
  const decls = { ...marginDecls(node, ctx), width: size, height: size, flex: '0 0 auto' };
  return url ? `<img class="lfp-icon" src="${escapeHtml(url)}" alt="" referrerpolicy="no-referrer"${style(decls)}>` : '';
}

function renderBlock(name: 'header' | 'hero' | 'body' | 'footer', node: unknown, styles: Json | undefined, defaults: { padding: string }): string {
  if (!isObj(node)) return '';
  const blockStyle = isObj(styles?.[name]) ? (styles[name] as Json) : {};
  const decls: Record<string, string | undefined> = {
    'background-color': color(blockStyle['backgroundColor']),
    'border-top': blockStyle['separator'] === true ? `1px solid ${color(blockStyle['separatorColor']) ?? '#E6E6E6'}` : undefined,
  };
  const ctx: Ctx = { parent: 'vertical', first: true };
  // A block's box gets LINE's default padding unless it sets its own.
  const content =
    node['type'] === 'box' && node['paddingAll'] === undefined && name !== 'hero'
      ? renderComponent({ ...node, paddingAll: defaults.padding }, ctx)
      : renderComponent(node, ctx);
  return `<div class="lfp-block lfp-${name}"${style(decls)}>${content}</div>`;
}

function renderBubble(node: unknown): string {
  if (!isObj(node) || node['type'] !== 'bubble') return '';
  const styles = isObj(node['styles']) ? node['styles'] : undefined;
  const width = BUBBLE_WIDTHS[String(node['size'] ?? 'mega')] ?? BUBBLE_WIDTHS['mega']!;
  const inner = [
    renderBlock('header', node['header'], styles, { padding: '20px' }),
    renderBlock('hero', node['hero'], styles, { padding: '0px' }),
    renderBlock('body', node['body'], styles, { padding: '20px' }),
    renderBlock('footer', node['footer'], styles, { padding: '10px' }),
  ].join('');
  const dir = node['direction'] === 'rtl' ? ' dir="rtl"' : '';
  return wrapAction(`<div class="lfp-bubble"${dir}${style({ width })}>${inner}</div>`, node['action']);
}

function renderQuickReply(quickReply: unknown): string {
  if (!isObj(quickReply) || !Array.isArray(quickReply['items'])) return '';
  const chips = quickReply['items']
    .map((item) => {
      if (!isObj(item) || !isObj(item['action'])) return '';
      const { title } = describeAction(item['action']);
      return `<span class="lfp-chip" title="${escapeHtml(title)}">${escapeHtml(item['action']['label'] ?? '')}</span>`;
    })
    .join('');
  return `<div class="lfp-quick-reply">${chips}</div>`;
}

/** One message (Flex, text, or a labelled placeholder for other types) as an HTML fragment. */
export function flexToHtml(message: messagingApi.FlexMessage | messagingApi.Message): string {
  const m = message as unknown as Json;
  let inner: string;
  switch (m['type']) {
    case 'flex': {
      const contents = isObj(m['contents']) ? m['contents'] : {};
      inner =
        contents['type'] === 'carousel' && Array.isArray(contents['contents'])
          ? `<div class="lfp-carousel">${contents['contents'].map(renderBubble).join('')}</div>`
          : renderBubble(contents);
      inner = `<div class="lfp-alt">${escapeHtml(m['altText'])}</div>${inner}`;
      break;
    }
    case 'text':
    case 'textV2':
      inner = `<div class="lfp-chat">${escapeHtml(m['text'])}</div>`;
      break;
    case 'image': {
      const url = safeHttpUrl(m['previewImageUrl']);
      inner = url ? `<img class="lfp-chat-image" src="${escapeHtml(url)}" alt="" referrerpolicy="no-referrer">` : '<div class="lfp-chat">[image]</div>';
      break;
    }
    default:
      inner = `<div class="lfp-chat lfp-other">[${escapeHtml(m['type'])}] ${escapeHtml(m['altText'] ?? '')}</div>`;
  }
  return `<div class="lfp-message">${inner}${renderQuickReply(m['quickReply'])}</div>`;
}

/** Several messages, in order, as one conversation fragment. */
export function messagesToHtml(messages: readonly (messagingApi.Message | messagingApi.FlexMessage)[]): string {
  return `<div class="lfp-conversation">${messages.map((m) => flexToHtml(m)).join('')}</div>`;
}

/** Styles for the preview. Everything is scoped under .lfp-* class names. */
export const flexPreviewCss = `
.lfp-conversation{display:flex;flex-direction:column;gap:12px;padding:16px;background:#8CABD9;font-family:"Sarabun","Noto Sans Thai","Helvetica Neue",Arial,sans-serif}
.lfp-message{display:flex;flex-direction:column;align-items:flex-start;gap:6px;max-width:100%}
.lfp-alt{font-size:11px;color:#3b4a5e;opacity:.85}
.lfp-chat{background:#fff;color:#111;border-radius:18px;padding:9px 13px;max-width:300px;font-size:15px;line-height:1.4;white-space:pre-wrap;overflow-wrap:anywhere}
.lfp-other{color:#666;font-style:italic}
.lfp-chat-image{max-width:240px;border-radius:12px}
.lfp-carousel{display:flex;gap:9px;overflow-x:auto;max-width:100%;padding-bottom:4px;align-items:flex-start}
.lfp-bubble{flex:0 0 auto;max-width:100%;background:#fff;border-radius:17px;overflow:hidden;display:flex;flex-direction:column;color:#111;font-size:16px;line-height:1.4;box-sizing:border-box}
.lfp-bubble *{box-sizing:border-box}
.lfp-block{display:flex;flex-direction:column}
.lfp-box{min-width:0}
.lfp-text{overflow-wrap:anywhere;min-width:0}
.lfp-nowrap{overflow:hidden;text-overflow:ellipsis}
.lfp-clamp{display:-webkit-box;-webkit-box-orient:vertical;overflow:hidden}
.lfp-action{color:inherit;text-decoration:none;display:contents;cursor:pointer}
.lfp-button{display:flex;align-items:center;justify-content:center;border-radius:8px;padding:0 12px;font-size:16px;text-decoration:none;cursor:pointer;overflow:hidden;white-space:nowrap;text-overflow:ellipsis}
.lfp-button-primary{background-color:#17C950;color:#fff}
.lfp-button-secondary{background-color:#DCDFE5;color:#111}
.lfp-button-link{background:transparent;color:#42659A}
.lfp-image{min-width:0}
.lfp-image-frame{position:relative;overflow:hidden}
.lfp-image-frame img,.lfp-image-frame .lfp-img-missing{position:absolute;inset:0;width:100%;height:100%}
.lfp-img-missing{display:flex;align-items:center;justify-content:center;background:#eee;color:#999;font-size:12px}
.lfp-icon{display:inline-block;object-fit:contain}
.lfp-filler{min-width:0}
.lfp-unknown{color:#999;font-size:11px}
.lfp-quick-reply{display:flex;flex-wrap:wrap;gap:6px}
.lfp-chip{border:1px solid #fff;border-radius:16px;padding:5px 12px;font-size:13px;color:#fff;background:rgba(0,0,0,.25)}
`;
