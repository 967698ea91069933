/**
 * Small typed constructors for Flex components and the shared look: header (business
 * name + title), a large key amount, label/value detail rows, one primary button.
 */
import type { messagingApi } from '@line/bot-sdk';
import { encodePostback, type PostbackPayload } from './postback.ts';
import { clampText, MAX } from './format.ts';

type FlexText = messagingApi.FlexText;
type FlexBox = messagingApi.FlexBox;
type FlexButton = messagingApi.FlexButton;
type FlexComponent = messagingApi.FlexComponent;
type FlexBubble = messagingApi.FlexBubble;
type Action = messagingApi.Action;

export const COLORS = {
  primary: '#06C755',
  text: '#111111',
  muted: '#666666',
  subtle: '#999999',
  border: '#E6E6E6',
  surface: '#F6F8F7',
  danger: '#D93025',
  warning: '#B26A00',
  success: '#0A8F3C',
  white: '#FFFFFF',
} as const;

export type Tone = 'default' | 'danger' | 'warning' | 'success' | 'muted';

export function toneColor(tone: Tone): string {
  switch (tone) {
    case 'danger':
      return COLORS.danger;
    case 'warning':
      return COLORS.warning;
    case 'success':
      return COLORS.success;
    case 'muted':
      return COLORS.muted;
    default:
      return COLORS.text;
  }
}

export function text(value: string, props: Omit<FlexText, 'type' | 'text'> = {}): FlexText {
  return { type: 'text', text: value, color: COLORS.text, size: 'sm', wrap: true, ...props };
}

export function vbox(contents: FlexComponent[], props: Omit<FlexBox, 'type' | 'layout' | 'contents'> = {}): FlexBox {
  return { type: 'box', layout: 'vertical', contents, ...props };
}

export function hbox(contents: FlexComponent[], props: Omit<FlexBox, 'type' | 'layout' | 'contents'> = {}): FlexBox {
  return { type: 'box', layout: 'horizontal', contents, ...props };
}

export function separator(margin = 'lg'): messagingApi.FlexSeparator {
  return { type: 'separator', margin, color: COLORS.border };
}

/** label (muted, left) / value (dark, right, wraps up to `maxLines`). Both are clamped. */
export function row(label: string, value: string, options: { tone?: Tone; bold?: boolean; maxLines?: number } = {}): FlexBox {
  return hbox(
    [
      text(clampText(label, 40), { color: COLORS.muted, flex: 2, wrap: true, maxLines: 2 }),
      text(clampText(value, 120), {
        color: toneColor(options.tone ?? 'default'),
        flex: 3,
        align: 'end',
        wrap: true,
        maxLines: options.maxLines ?? 2,
        ...(options.bold ? { weight: 'bold' as const } : {}),
      }),
    ],
    { spacing: 'md', margin: 'sm' },
  );
}

export function uriAction(label: string, uri: string): messagingApi.URIAction {
  return { type: 'uri', label: clampText(label, MAX.buttonLabel), uri };
}

export function postbackAction(label: string, payload: PostbackPayload, displayText?: string, labelMax: number = MAX.buttonLabel): messagingApi.PostbackAction {
  return {
    type: 'postback',
    label: clampText(label, labelMax),
    data: encodePostback(payload),
    ...(displayText ? { displayText: clampText(displayText, 300) } : {}),
  };
}

export function button(
  action: Action,
  style: 'primary' | 'secondary' | 'link' = 'primary',
  props: Omit<FlexButton, 'type' | 'action' | 'style'> = {},
): FlexButton {
  return {
    type: 'button',
    action,
    style,
    height: 'sm',
    ...(style === 'primary' ? { color: COLORS.primary } : {}),
    ...props,
  };
}

/** Header: small business name over a bold title. */
export function header(businessName: string, title: string, options: { badge?: string; badgeTone?: Tone } = {}): FlexBox {
  const contents: FlexComponent[] = [
    text(clampText(businessName, MAX.business), { size: 'xs', color: COLORS.muted, weight: 'bold', wrap: true, maxLines: 1 }),
    text(clampText(title, MAX.title), { size: 'lg', weight: 'bold', wrap: true, maxLines: 2, margin: 'sm' }),
  ];
  if (options.badge) {
    contents.push(text(clampText(options.badge, 40), { size: 'xs', weight: 'bold', color: toneColor(options.badgeTone ?? 'muted'), margin: 'sm' }));
  }
  return vbox(contents, { paddingAll: '16px', paddingBottom: '8px' });
}

/** The key amount: a small caption over a large bold figure. */
export function keyAmount(caption: string, amount: string, tone: Tone = 'default'): FlexBox {
  return vbox(
    [
      text(caption, { size: 'xs', color: COLORS.muted }),
      text(amount, { size: 'xxl', weight: 'bold', color: toneColor(tone), wrap: false, adjustMode: 'shrink-to-fit' }),
    ],
    { margin: 'md' },
  );
}

export function bubble(parts: {
  header?: FlexBox;
  hero?: FlexComponent;
  body: FlexBox;
  footer?: FlexBox;
  size?: messagingApi.FlexBubble.SizeEnum;
}): FlexBubble {
  return {
    type: 'bubble',
    size: parts.size ?? 'mega',
    ...(parts.header ? { header: parts.header } : {}),
    ...(parts.hero ? { hero: parts.hero } : {}),
    body: parts.body,
    ...(parts.footer ? { footer: parts.footer } : {}),
    styles: { footer: { separator: true, separatorColor: COLORS.border } },
  };
}

export function footer(buttons: FlexComponent[]): FlexBox {
  return vbox(buttons, { spacing: 'sm', paddingAll: '12px' });
}

export function flexMessage(altText: string, contents: messagingApi.FlexContainer): messagingApi.FlexMessage {
  return { type: 'flex', altText: clampText(altText, MAX.altText, { fallback: 'Message' }), contents };
}
