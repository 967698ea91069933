/**
 * Validation of LINE Messaging API request bodies against LINE's official OpenAPI
 * description (tests/fakes/line-messaging-api.yml, from line/line-openapi), plus the
 * documented limits the schema does not express (altText <= 1500, bubble <= 30 KB, …).
 *
 * The OpenAPI file models polymorphism the OpenAPI 3.0 way: a base schema with a
 * `discriminator` (Message by `type`, FlexComponent by `type`, Action by `type`, …) and
 * subtypes that `allOf` the base. Plain JSON Schema does not follow a discriminator, so
 * the components are rewritten before ajv compiles them:
 *  - every reference to a discriminated base becomes a dispatcher: `type` must be one of
 *    the mapping keys, and `if type == k then $ref <subtype k>`;
 *  - every subtype is flattened (base properties + its own, `type` pinned to its key)
 *    and closed with `additionalProperties: false`, because the real API answers
 *    "unknown field" for properties it does not know.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse as parseYaml } from 'yaml';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
type PathSeg = string | number;

export interface LineValidationError {
  /** Path from the request body root, e.g. ['messages', 0, 'contents', 'body', 'contents', 1, 'text']. */
  path: PathSeg[];
  message: string;
}

export const LINE_LIMITS = {
  messagesPerRequest: 5,
  textMessageChars: 5000,
  altTextChars: 1500,
  bubbleBytes: 30 * 1024,
  carouselBytes: 50 * 1024,
  carouselBubbles: 12,
  postbackDataChars: 300,
  displayTextChars: 300,
  quickReplyItems: 13,
  quickReplyLabelChars: 20,
  flexButtonLabelChars: 40,
  uriChars: 1000,
  imageUrlChars: 2000,
  messageActionTextChars: 300,
} as const;

const SCHEMA_FILE = new URL('./line-messaging-api.yml', import.meta.url);
const REF_PREFIX = '#/components/schemas/';
const ANNOTATIONS = new Set(['description', 'externalDocs', 'example', 'examples', 'discriminator', 'default', 'readOnly', 'writeOnly', 'deprecated', 'title']);
const ROOTS = ['PushMessageRequest', 'ReplyMessageRequest', 'Message', 'RichMenuRequest'] as const;

interface Compiled {
  push: ValidateFunction;
  reply: ValidateFunction;
  messages: ValidateFunction;
  richMenu: ValidateFunction;
}

let compiled: Compiled | undefined;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function refName(ref: string): string {
  if (!ref.startsWith(REF_PREFIX)) throw new Error(`unsupported $ref ${ref}`);
  return ref.slice(REF_PREFIX.length);
}

function buildDefs(schemas: Record<string, JsonObject>): Record<string, JsonObject> {
  // subtype name -> [discriminator property, key]
  const pinned = new Map<string, [string, string]>();
  for (const schema of Object.values(schemas)) {
    const disc = schema['discriminator'];
    if (!isObject(disc)) continue;
    const prop = String(disc['propertyName']);
    for (const [key, ref] of Object.entries(disc['mapping'] as Record<string, string>)) {
      pinned.set(refName(ref), [prop, key]);
    }
  }

  const defs: Record<string, JsonObject> = {};
  const queue: string[] = [...ROOTS];
  const seen = new Set<string>();
  const need = (name: string): string => {
    if (!seen.has(name)) {
      seen.add(name);
      queue.push(name);
    }
    return `#/$defs/${name}`;
  };
  ROOTS.forEach((r) => {
    seen.add(r);
  });

  const transform = (node: Json, ownName?: string): Json => {
    if (Array.isArray(node)) return node.map((n) => transform(n));
    if (!isObject(node)) return node;
    if (typeof node['$ref'] === 'string') return { $ref: need(refName(node['$ref'])) };

    const out: JsonObject = {};
    let properties: JsonObject = {};
    const required = new Set<string>();
    const merge = (part: JsonObject) => {
      if (isObject(part['properties'])) properties = { ...properties, ...part['properties'] };
      if (Array.isArray(part['required']))
        part['required'].forEach((r) => {
          required.add(String(r));
        });
    };
    if (Array.isArray(node['allOf'])) {
      for (const part of node['allOf']) {
        if (!isObject(part)) continue;
        if (typeof part['$ref'] === 'string') {
          const base = schemas[refName(part['$ref'])];
          if (!base) throw new Error(`unknown schema ${part['$ref']}`);
          merge(base); // the base's own properties, not its dispatcher
        } else {
          merge(part);
        }
      }
    }
    merge(node);
    for (const [key, value] of Object.entries(node)) {
      if (ANNOTATIONS.has(key) || key === 'allOf' || key === 'properties' || key === 'required') continue;
      if (key === 'items' || key === 'additionalProperties' || key === 'not') out[key] = transform(value);
      else if (key === 'oneOf' || key === 'anyOf') out[key] = transform(value);
      else out[key] = value;
    }
    const pin = ownName ? pinned.get(ownName) : undefined;
    if (pin) {
      properties[pin[0]] = { type: 'string', const: pin[1] };
      required.add(pin[0]);
    }
    const hasProps = Object.keys(properties).length > 0;
    if (hasProps) {
      const props: JsonObject = {};
      for (const [key, value] of Object.entries(properties)) props[key] = transform(value);
      out['properties'] = props;
      if (!('additionalProperties' in out)) out['additionalProperties'] = false;
    }
    if (required.size > 0) out['required'] = [...required];
    if (hasProps && !('type' in out)) out['type'] = 'object';
    return out;
  };

  while (queue.length > 0) {
    const name = queue.shift()!;
    const schema = schemas[name];
    if (!schema) throw new Error(`unknown schema ${name}`);
    const disc = schema['discriminator'];
    if (isObject(disc)) {
      const prop = String(disc['propertyName']);
      const mapping = disc['mapping'] as Record<string, string>;
      const keys = Object.keys(mapping);
      defs[name] = {
        type: 'object',
        required: [prop],
        properties: { [prop]: { type: 'string', enum: keys } },
        allOf: keys.map((key) => ({
          if: { properties: { [prop]: { const: key } }, required: [prop] },
          // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword, not a thenable.
          then: { $ref: need(refName(mapping[key]!)) },
        })),
      };
    } else {
      defs[name] = transform(schema, name) as JsonObject;
    }
  }
  return defs;
}

function compile(): Compiled {
  if (compiled) return compiled;
  const doc = parseYaml(readFileSync(SCHEMA_FILE, 'utf8')) as { components: { schemas: Record<string, JsonObject> } };
  const defs = buildDefs(doc.components.schemas);
  const ajv = new Ajv({ allErrors: true, strict: false });
  const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv) => void;
  addFormats(ajv);
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) });
  ajv.addFormat('double', { type: 'number', validate: () => true });
  ajv.addFormat('float', { type: 'number', validate: () => true });
  ajv.addSchema({ $id: 'line', $defs: defs });
  compiled = {
    push: ajv.compile({ $ref: 'line#/$defs/PushMessageRequest' }),
    reply: ajv.compile({ $ref: 'line#/$defs/ReplyMessageRequest' }),
    messages: ajv.compile({
      type: 'array',
      minItems: 1,
      maxItems: LINE_LIMITS.messagesPerRequest,
      items: { $ref: 'line#/$defs/Message' },
    }),
    richMenu: ajv.compile({ $ref: 'line#/$defs/RichMenuRequest' }),
  };
  return compiled;
}

function pointerToPath(pointer: string): PathSeg[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((seg) => seg.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((seg) => (/^\d+$/.test(seg) ? Number(seg) : seg));
}

function ajvToErrors(errors: ErrorObject[] | null | undefined, prefix: PathSeg[]): LineValidationError[] {
  const out: LineValidationError[] = [];
  for (const e of errors ?? []) {
    if (e.keyword === 'if') continue; // "must match then schema": the real cause is reported separately
    const path = [...prefix, ...pointerToPath(e.instancePath)];
    const params = e.params as Record<string, unknown>;
    if (e.keyword === 'additionalProperties') {
      out.push({ path: [...path, String(params['additionalProperty'])], message: 'unknown field' });
    } else if (e.keyword === 'required') {
      out.push({ path: [...path, String(params['missingProperty'])], message: 'must be specified' });
    } else if (e.keyword === 'enum') {
      const allowed = (params['allowedValues'] as unknown[]).join(', ');
      out.push({ path, message: `Must be one of the following values: [${allowed}]` });
    } else {
      out.push({ path, message: e.message ?? e.keyword });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Documented rules the schema does not carry.

const COLOR_RE = /^#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?$/;
const KEYWORD_SPACING = ['none', 'xs', 'sm', 'md', 'lg', 'xl', 'xxl'];
const KEYWORD_SIZES = ['xxs', 'xs', 'sm', 'md', 'lg', 'xl', 'xxl', '3xl', '4xl', '5xl'];
const PX_RE = /^\d+(\.\d+)?px$/;
const PCT_RE = /^\d+(\.\d+)?%$/;
const ASPECT_RE = /^(\d{1,6}):(\d{1,6})$/;
const COLOR_KEYS = ['color', 'backgroundColor', 'borderColor', 'separatorColor', 'startColor', 'endColor', 'centerColor'];
const BORDER_WIDTHS = ['none', 'light', 'normal', 'medium', 'semi-bold', 'bold'];
const CORNER_KEYWORDS = ['none', 'xs', 'sm', 'md', 'lg', 'xl', 'xxl'];

function byteLength(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

function checkUri(value: unknown, path: PathSeg[], errors: LineValidationError[], schemes: string[], max: number): void {
  if (typeof value !== 'string') return;
  if (value.length > max) errors.push({ path, message: `size must be between 0 and ${max}` });
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(value)?.[1]?.toLowerCase();
  if (!scheme || !schemes.includes(scheme)) errors.push({ path, message: 'invalid uri scheme' });
}

function checkAction(action: unknown, path: PathSeg[], errors: LineValidationError[], context: 'button' | 'quickReply' | 'other'): void {
  if (!isObject(action)) return;
  const label = action['label'];
  if (context === 'button' || context === 'quickReply') {
    const max = context === 'button' ? LINE_LIMITS.flexButtonLabelChars : LINE_LIMITS.quickReplyLabelChars;
    if (typeof label !== 'string' || label.length === 0) errors.push({ path: [...path, 'label'], message: 'must be specified' });
    else if (label.length > max) errors.push({ path: [...path, 'label'], message: `size must be between 1 and ${max}` });
  }
  switch (action['type']) {
    case 'postback': {
      const data = action['data'];
      if (typeof data !== 'string' || data.length === 0) errors.push({ path: [...path, 'data'], message: 'must be specified' });
      const displayText = action['displayText'];
      if (typeof displayText === 'string' && (displayText.length === 0 || displayText.length > LINE_LIMITS.displayTextChars)) {
        errors.push({ path: [...path, 'displayText'], message: `size must be between 1 and ${LINE_LIMITS.displayTextChars}` });
      }
      if (displayText !== undefined && action['text'] !== undefined) {
        errors.push({ path: [...path, 'text'], message: 'displayText and text cannot both be specified' });
      }
      break;
    }
    case 'message': {
      const text = action['text'];
      if (typeof text !== 'string' || text.length === 0) errors.push({ path: [...path, 'text'], message: 'must be specified' });
      else if (text.length > LINE_LIMITS.messageActionTextChars)
        errors.push({ path: [...path, 'text'], message: `size must be between 1 and ${LINE_LIMITS.messageActionTextChars}` });
      break;
    }
    case 'uri': {
      if (action['uri'] === undefined) errors.push({ path: [...path, 'uri'], message: 'must be specified' });
      checkUri(action['uri'], [...path, 'uri'], errors, ['http', 'https', 'line', 'tel'], LINE_LIMITS.uriChars);
      const alt = action['altUri'];
      if (isObject(alt)) checkUri(alt['desktop'], [...path, 'altUri', 'desktop'], errors, ['http', 'https', 'line', 'tel'], LINE_LIMITS.uriChars);
      break;
    }
    case 'datetimepicker': {
      if (typeof action['data'] !== 'string' || action['data'].length === 0) errors.push({ path: [...path, 'data'], message: 'must be specified' });
      if (action['mode'] === undefined) errors.push({ path: [...path, 'mode'], message: 'must be specified' });
      break;
    }
    default:
      break;
  }
}

function checkSpacingValue(value: unknown, path: PathSeg[], errors: LineValidationError[], allowPercent: boolean): void {
  if (value === undefined || typeof value !== 'string') return;
  if (KEYWORD_SPACING.includes(value) || PX_RE.test(value) || (allowPercent && PCT_RE.test(value))) return;
  errors.push({ path, message: 'invalid property' });
}

function checkFlexComponent(node: unknown, path: PathSeg[], errors: LineValidationError[], parentLayout?: string): void {
  if (!isObject(node)) return;
  for (const key of COLOR_KEYS) {
    const value = node[key];
    if (typeof value === 'string' && !COLOR_RE.test(value)) errors.push({ path: [...path, key], message: 'invalid color code' });
  }
  if (typeof node['flex'] === 'number' && node['flex'] < 0) errors.push({ path: [...path, 'flex'], message: 'must be >= 0' });
  checkSpacingValue(node['margin'], [...path, 'margin'], errors, false);
  for (const key of ['offsetTop', 'offsetBottom', 'offsetStart', 'offsetEnd']) checkSpacingValue(node[key], [...path, key], errors, true);
  const type = node['type'];
  switch (type) {
    case 'box': {
      checkSpacingValue(node['spacing'], [...path, 'spacing'], errors, false);
      for (const key of ['paddingAll', 'paddingTop', 'paddingBottom', 'paddingStart', 'paddingEnd']) checkSpacingValue(node[key], [...path, key], errors, true);
      for (const key of ['width', 'maxWidth', 'height', 'maxHeight']) {
        const value = node[key];
        if (typeof value === 'string' && !PX_RE.test(value) && !PCT_RE.test(value)) errors.push({ path: [...path, key], message: 'invalid property' });
      }
      const borderWidth = node['borderWidth'];
      if (typeof borderWidth === 'string' && !BORDER_WIDTHS.includes(borderWidth) && !PX_RE.test(borderWidth))
        errors.push({ path: [...path, 'borderWidth'], message: 'invalid property' });
      const corner = node['cornerRadius'];
      if (typeof corner === 'string' && !CORNER_KEYWORDS.includes(corner) && !PX_RE.test(corner))
        errors.push({ path: [...path, 'cornerRadius'], message: 'invalid property' });
      const layout = typeof node['layout'] === 'string' ? node['layout'] : undefined;
      const contents = node['contents'];
      if (Array.isArray(contents)) {
        contents.forEach((child, i) => {
          if (layout === 'baseline' && isObject(child) && !['text', 'icon', 'filler'].includes(String(child['type']))) {
            errors.push({ path: [...path, 'contents', i], message: 'invalid property' });
          }
          checkFlexComponent(child, [...path, 'contents', i], errors, layout);
        });
      }
      if (node['action'] !== undefined) checkAction(node['action'], [...path, 'action'], errors, 'other');
      break;
    }
    case 'text': {
      const text = node['text'];
      const spans = node['contents'];
      const hasSpans = Array.isArray(spans) && spans.length > 0;
      if (!hasSpans && (typeof text !== 'string' || text.length === 0)) errors.push({ path: [...path, 'text'], message: 'must be specified' });
      const size = node['size'];
      if (typeof size === 'string' && !KEYWORD_SIZES.includes(size) && !PX_RE.test(size)) errors.push({ path: [...path, 'size'], message: 'invalid property' });
      if (typeof node['maxLines'] === 'number' && node['maxLines'] < 0) errors.push({ path: [...path, 'maxLines'], message: 'must be >= 0' });
      checkSpacingValue(node['lineSpacing'], [...path, 'lineSpacing'], errors, false);
      if (hasSpans) {
        spans.forEach((span, i) => {
          if (!isObject(span)) return;
          const spanColor = span['color'];
          if (typeof spanColor === 'string' && !COLOR_RE.test(spanColor))
            errors.push({ path: [...path, 'contents', i, 'color'], message: 'invalid color code' });
          if (typeof span['text'] !== 'string' || span['text'].length === 0)
            errors.push({ path: [...path, 'contents', i, 'text'], message: 'must be specified' });
        });
      }
      if (node['action'] !== undefined) checkAction(node['action'], [...path, 'action'], errors, 'other');
      break;
    }
    case 'button': {
      checkAction(node['action'], [...path, 'action'], errors, 'button');
      break;
    }
    case 'image':
    case 'icon': {
      checkUri(node['url'], [...path, 'url'], errors, ['https'], LINE_LIMITS.imageUrlChars);
      const size = node['size'];
      if (typeof size === 'string') {
        const ok = KEYWORD_SIZES.includes(size) || PX_RE.test(size) || (type === 'image' && (size === 'full' || PCT_RE.test(size)));
        if (!ok) errors.push({ path: [...path, 'size'], message: 'invalid property' });
      }
      const ratio = node['aspectRatio'];
      if (typeof ratio === 'string') {
        const m = ASPECT_RE.exec(ratio);
        const w = Number(m?.[1]);
        const h = Number(m?.[2]);
        if (!m || w < 1 || h < 1 || w > 100000 || h > 100000 || h > 3 * w) errors.push({ path: [...path, 'aspectRatio'], message: 'invalid property' });
      }
      if (type === 'icon' && parentLayout !== 'baseline') errors.push({ path, message: 'icon must be in a baseline box' });
      if (node['action'] !== undefined) checkAction(node['action'], [...path, 'action'], errors, 'other');
      break;
    }
    case 'video': {
      checkUri(node['url'], [...path, 'url'], errors, ['https'], LINE_LIMITS.imageUrlChars);
      checkUri(node['previewUrl'], [...path, 'previewUrl'], errors, ['https'], LINE_LIMITS.imageUrlChars);
      break;
    }
    default:
      break;
  }
}

function checkBubble(bubble: unknown, path: PathSeg[], errors: LineValidationError[]): void {
  if (!isObject(bubble)) return;
  for (const block of ['header', 'hero', 'body', 'footer']) {
    if (bubble[block] !== undefined) checkFlexComponent(bubble[block], [...path, block], errors);
  }
  const styles = bubble['styles'];
  if (isObject(styles)) {
    for (const [block, style] of Object.entries(styles)) {
      if (!isObject(style)) continue;
      for (const key of ['backgroundColor', 'separatorColor']) {
        const value = style[key];
        if (typeof value === 'string' && !COLOR_RE.test(value)) errors.push({ path: [...path, 'styles', block, key], message: 'invalid color code' });
      }
    }
  }
  if (bubble['action'] !== undefined) checkAction(bubble['action'], [...path, 'action'], errors, 'other');
  const hero = bubble['hero'];
  if (isObject(hero) && !['box', 'image', 'video'].includes(String(hero['type']))) {
    errors.push({ path: [...path, 'hero'], message: 'invalid property' });
  }
  if (byteLength(bubble) > LINE_LIMITS.bubbleBytes) {
    errors.push({ path, message: `The bubble exceeds the maximum size of ${LINE_LIMITS.bubbleBytes / 1024} KB` });
  }
}

function checkMessage(message: unknown, path: PathSeg[], errors: LineValidationError[]): void {
  if (!isObject(message)) return;
  switch (message['type']) {
    case 'text': {
      const text = message['text'];
      if (typeof text === 'string') {
        if (text.length === 0) errors.push({ path: [...path, 'text'], message: 'May not be empty' });
        else if (text.length > LINE_LIMITS.textMessageChars)
          errors.push({ path: [...path, 'text'], message: `Length must be between 0 and ${LINE_LIMITS.textMessageChars}` });
      }
      break;
    }
    case 'flex': {
      const alt = message['altText'];
      if (typeof alt === 'string') {
        if (alt.trim().length === 0) errors.push({ path: [...path, 'altText'], message: 'May not be empty' });
        else if (alt.length > LINE_LIMITS.altTextChars)
          errors.push({ path: [...path, 'altText'], message: `Length must be between 0 and ${LINE_LIMITS.altTextChars}` });
      }
      const contents = message['contents'];
      if (isObject(contents)) {
        const cpath = [...path, 'contents'];
        if (contents['type'] === 'bubble') checkBubble(contents, cpath, errors);
        else if (contents['type'] === 'carousel') {
          const bubbles = contents['contents'];
          if (Array.isArray(bubbles)) {
            if (bubbles.length === 0 || bubbles.length > LINE_LIMITS.carouselBubbles) {
              errors.push({ path: [...cpath, 'contents'], message: `size must be between 1 and ${LINE_LIMITS.carouselBubbles}` });
            }
            bubbles.forEach((b, i) => {
              checkBubble(b, [...cpath, 'contents', i], errors);
            });
          }
          if (byteLength(contents) > LINE_LIMITS.carouselBytes) {
            errors.push({ path: cpath, message: `The carousel exceeds the maximum size of ${LINE_LIMITS.carouselBytes / 1024} KB` });
          }
        }
      }
      break;
    }
    case 'image':
    case 'video': {
      checkUri(message['originalContentUrl'], [...path, 'originalContentUrl'], errors, ['https'], LINE_LIMITS.imageUrlChars);
      checkUri(message['previewImageUrl'], [...path, 'previewImageUrl'], errors, ['https'], LINE_LIMITS.imageUrlChars);
      break;
    }
    default:
      break;
  }
  const quickReply = message['quickReply'];
  if (isObject(quickReply)) {
    const items = quickReply['items'];
    if (!Array.isArray(items) || items.length === 0) {
      errors.push({ path: [...path, 'quickReply', 'items'], message: `size must be between 1 and ${LINE_LIMITS.quickReplyItems}` });
    } else {
      items.forEach((item, i) => {
        const ipath = [...path, 'quickReply', 'items', i];
        if (!isObject(item)) return;
        if (item['type'] !== undefined && item['type'] !== 'action')
          errors.push({ path: [...ipath, 'type'], message: 'Must be one of the following values: [action]' });
        if (item['action'] === undefined) errors.push({ path: [...ipath, 'action'], message: 'must be specified' });
        else checkAction(item['action'], [...ipath, 'action'], errors, 'quickReply');
        if (item['imageUrl'] !== undefined) checkUri(item['imageUrl'], [...ipath, 'imageUrl'], errors, ['https'], LINE_LIMITS.uriChars);
      });
    }
  }
}

function dedupe(errors: LineValidationError[]): LineValidationError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${formatPath(e.path)}|${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** ['messages', 0, 'contents'] -> "messages[0].contents" (the property style of LINE's error details). */
export function formatPath(path: PathSeg[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out;
}

const USER_ID_RE = /^[UCR][0-9a-f]{32}$/;

export type LineRequestKind = 'push' | 'reply';

/** Validates a push or reply request body; [] when it would be accepted. */
export function validateLineRequest(kind: LineRequestKind, body: unknown): LineValidationError[] {
  const validators = compile();
  const validate = kind === 'push' ? validators.push : validators.reply;
  const errors: LineValidationError[] = [];
  if (!validate(body)) errors.push(...ajvToErrors(validate.errors, []));
  if (isObject(body)) {
    if (kind === 'push' && typeof body['to'] === 'string' && !USER_ID_RE.test(body['to'])) {
      errors.push({ path: ['to'], message: "The property, 'to', in the request body is invalid (line:-, column:-)" });
    }
    const messages = body['messages'];
    if (Array.isArray(messages))
      messages.forEach((m, i) => {
        checkMessage(m, ['messages', i], errors);
      });
  }
  return dedupe(errors);
}

/**
 * Validates message objects (what a builder returns) with the same rules the fake LINE
 * API applies to a push. Returns readable errors like
 * `messages[0].contents.body.contents[1].text: must be specified`; [] when valid.
 */
export function validateLineMessages(messages: unknown): string[] {
  const list = Array.isArray(messages) ? messages : [messages];
  const validators = compile();
  const errors: LineValidationError[] = [];
  if (!validators.messages(list)) errors.push(...ajvToErrors(validators.messages.errors, ['messages']));
  list.forEach((m, i) => {
    checkMessage(m, ['messages', i], errors);
  });
  return dedupe(errors).map((e) => `${formatPath(e.path)}: ${e.message}`);
}

/**
 * The error body the real API answers with. Problems inside one Flex message's contents
 * come back as "A message (messages[i]) in the request body is invalid" with JSON-pointer
 * properties relative to that message's contents ("/body/contents/2"); anything else as
 * "The request body has N error(s)" with dotted properties ("messages[0].text").
 */
export function lineErrorBody(errors: LineValidationError[]): { message: string; details: { message: string; property: string }[] } {
  const flexIndex = errors.length > 0 ? flexMessageIndex(errors[0]!.path) : undefined;
  if (flexIndex !== undefined && errors.every((e) => flexMessageIndex(e.path) === flexIndex)) {
    return {
      message: `A message (messages[${flexIndex}]) in the request body is invalid`,
      details: errors.map((e) => ({ message: e.message, property: `/${e.path.slice(3).join('/')}` })),
    };
  }
  return {
    message: `The request body has ${errors.length} error(s)`,
    details: errors.map((e) => ({ message: e.message, property: formatPath(e.path) })),
  };
}

function flexMessageIndex(path: PathSeg[]): number | undefined {
  if (path[0] === 'messages' && typeof path[1] === 'number' && path[2] === 'contents') return path[1];
  return undefined;
}

/** The documented rich menu rules the schema leaves out (developers.line.biz: rich menu object). */
export const RICH_MENU_RULES = {
  width: 2500,
  heights: [1686, 843],
  maxAreas: 20,
  actionTypes: ['postback', 'message', 'uri', 'datetimepicker', 'richmenuswitch', 'camera', 'cameraRoll', 'location', 'clipboard'],
} as const;

/** Validates a POST /v2/bot/richmenu body; [] when LINE would accept it. */
export function validateRichMenuRequest(body: unknown): LineValidationError[] {
  const validate = compile().richMenu;
  const errors: LineValidationError[] = [];
  if (!validate(body)) errors.push(...ajvToErrors(validate.errors, []));
  if (!isObject(body)) return dedupe(errors.length ? errors : [{ path: [], message: 'must be an object' }]);
  for (const key of ['size', 'selected', 'name', 'chatBarText', 'areas']) {
    if (body[key] === undefined) errors.push({ path: [key], message: 'must be specified' });
  }
  for (const key of Object.keys(body)) {
    if (!['size', 'selected', 'name', 'chatBarText', 'areas'].includes(key)) errors.push({ path: [key], message: 'unknown field' });
  }
  const size = body['size'];
  const width = isObject(size) ? size['width'] : undefined;
  const height = isObject(size) ? size['height'] : undefined;
  if (width !== RICH_MENU_RULES.width || !(RICH_MENU_RULES.heights as readonly unknown[]).includes(height)) {
    errors.push({ path: ['size'], message: `must be ${RICH_MENU_RULES.width}x${RICH_MENU_RULES.heights.join(' or ')}` });
  }
  const areas = body['areas'];
  if (Array.isArray(areas)) {
    if (areas.length === 0 || areas.length > RICH_MENU_RULES.maxAreas)
      errors.push({ path: ['areas'], message: `size must be between 1 and ${RICH_MENU_RULES.maxAreas}` });
    areas.forEach((area, i) => {
      if (!isObject(area)) return;
      const b = area['bounds'];
      if (!isObject(b)) errors.push({ path: ['areas', i, 'bounds'], message: 'must be specified' });
      else {
        const [x, y, w, h] = [b['x'], b['y'], b['width'], b['height']].map(Number) as [number, number, number, number];
        if ([x, y, w, h].some((n) => !Number.isInteger(n))) errors.push({ path: ['areas', i, 'bounds'], message: 'x, y, width and height must be specified' });
        else if (typeof width === 'number' && typeof height === 'number' && (x + w > width || y + h > height)) {
          errors.push({ path: ['areas', i, 'bounds'], message: 'must be within the rich menu size' });
        }
      }
      const action = area['action'];
      if (!isObject(action)) errors.push({ path: ['areas', i, 'action'], message: 'must be specified' });
      else {
        if (!(RICH_MENU_RULES.actionTypes as readonly unknown[]).includes(action['type'])) {
          errors.push({ path: ['areas', i, 'action', 'type'], message: `must be one of ${RICH_MENU_RULES.actionTypes.join(', ')}` });
        }
        checkAction(action, ['areas', i, 'action'], errors, 'other');
      }
    });
  }
  return dedupe(errors);
}
