/**
 * Flex messages sent to clients (through the outbox). The words come from the same
 * MessageDocument that email and SMS render (server/messaging/templates/copy.ts), so the three
 * channels say the same thing; this file only lays them out as one bubble: header with the
 * business name and title, the key value large, the facts, and one primary button that opens
 * the portal (LIFF URL inside LINE, web URL otherwise). Customer-supplied text is clamped.
 */
import type { messagingApi } from '@line/bot-sdk';
import type { MessageContent } from '../../server/messaging/message-content.ts';
import { messageDocument } from '../../server/messaging/templates/copy.ts';
import { clampText, MAX, requireUrl } from './format.ts';
import { bubble, button, COLORS, flexMessage, footer, header, keyAmount, row, separator, text, uriAction, vbox } from './parts.ts';

type FlexMessage = messagingApi.FlexMessage;
type FlexComponent = messagingApi.FlexComponent;

/** One bubble for any client message kind. Throws (a permanent send failure) on a bad URL or date. */
export function clientFlexMessage(content: MessageContent): FlexMessage {
  const doc = messageDocument(content, 'line');
  // Every kind with a portal link has its button; a linkless notice never reaches LINE.
  if (!doc.button) throw new Error(`a ${content.kind} message has no button`);
  const action = doc.button;
  const url = requireUrl(action.url);
  const body: FlexComponent[] = [
    text(clampText(doc.greeting, MAX.name), { color: COLORS.muted, maxLines: 2 }),
    text(clampText(doc.intro, MAX.title), { margin: 'md', maxLines: 3 }),
  ];
  if (doc.highlight) body.push(keyAmount(doc.highlight.label, clampText(doc.highlight.value, MAX.stage), doc.highlight.tone));
  if (doc.facts.length > 0) {
    body.push(
      separator(),
      vbox(
        doc.facts.map((f) =>
          row(f.label, clampText(f.value, MAX.title), { ...(f.tone ? { tone: f.tone } : {}), bold: !!f.tone && f.tone !== 'default', maxLines: 3 }),
        ),
        { margin: 'md' },
      ),
    );
  }
  if (doc.note) body.push(text(clampText(doc.note, MAX.note, { multiline: true }), { size: 'xs', color: COLORS.muted, margin: 'lg', maxLines: 5 }));
  return flexMessage(
    `${clampText(doc.businessName, MAX.business)}: ${doc.summary}`,
    bubble({
      header: header(doc.businessName, doc.title, doc.badge ? { badge: doc.badge.text, badgeTone: doc.badge.tone } : {}),
      body: vbox(body, { paddingAll: '16px', paddingTop: '4px' }),
      footer: footer([button(uriAction(action.label, url), 'primary')]),
    }),
  );
}
