import { describe, expect, it } from 'vitest';
import type { messagingApi } from '@line/bot-sdk';
import { escapeHtml, flexPreviewCss, flexToHtml, messagesToHtml } from '../../../bot/preview/flex-to-html.ts';
import { clientFlexMessage, customerCarousel, stageChooser } from '../../../bot/flex/index.ts';
import { client, customers } from './flex-fixtures.ts';

const SCRIPT = '<script>alert("x")</script>';

describe('flexToHtml', () => {
  it('escapes every text: names, alt text, button labels, spans, chat text, quick replies', () => {
    const message: messagingApi.FlexMessage = {
      type: 'flex',
      altText: SCRIPT,
      contents: {
        type: 'bubble',
        body: {
          type: 'box',
          layout: 'vertical',
          contents: [
            { type: 'text', text: SCRIPT },
            { type: 'text', contents: [{ type: 'span', text: `<img src=x onerror=alert(1)>` }] },
            { type: 'button', action: { type: 'postback', label: SCRIPT, data: `"><script>` } },
          ],
        },
      },
    };
    const html =
      flexToHtml(message) +
      flexToHtml({ type: 'text', text: SCRIPT, quickReply: { items: [{ type: 'action', action: { type: 'message', label: SCRIPT, text: 'x' } }] } });
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img src=x/);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('drops hostile colours, sizes and URLs instead of passing them into CSS or attributes', () => {
    const html = flexToHtml({
      type: 'flex',
      altText: 'x',
      contents: {
        type: 'bubble',
        hero: { type: 'image', url: 'javascript:alert(1)' },
        body: {
          type: 'box',
          layout: 'vertical',
          paddingAll: '1px;background:url(https://evil)',
          contents: [
            { type: 'text', text: 'a', color: 'red;background:url(https://evil)' },
            { type: 'button', action: { type: 'uri', label: 'go', uri: 'javascript:alert(1)' } },
          ],
        },
      },
    });
    expect(html).not.toContain('evil');
    expect(html).not.toMatch(/(href|src)="javascript:/);
    expect(html).toContain('title="uri: javascript:alert(1)"'); // shown inert, as a tooltip
  });

  it('renders a builder bubble with header, amount, details and a primary link button', () => {
    const html = flexToHtml(
      clientFlexMessage(client('invoice', 'en', { invoiceNumber: 'INV-1', title: null, amountDueSatang: 123450, dueDate: '2025-01-31' })),
    );
    expect(html).toContain('lfp-bubble');
    expect(html).toContain('THB 1,234.50');
    expect(html).toMatch(/<a class="lfp-button lfp-button-primary" href="https:\/\/liff\.line\.me\/[^"]+"/);
    expect(html).toContain('font-size:29px'); // the xxl key amount
    expect(html).toContain('background-color:#06C755');
    expect(html).toContain('-webkit-line-clamp:2');
  });

  it('renders a carousel side by side and postback buttons as inert elements', () => {
    const html = flexToHtml(customerCarousel(customers(3), { lang: 'th' }));
    expect(html).toContain('lfp-carousel');
    expect(html.match(/class="lfp-bubble"/g)).toHaveLength(3);
    expect(html).toMatch(/<span class="lfp-button lfp-button-secondary" role="button" title="postback: a=cust&amp;c=cus_0+"/);
  });

  it('renders text messages as chat bubbles with quick-reply chips', () => {
    const html = messagesToHtml([
      { type: 'text', text: 'line 1\nline 2' },
      stageChooser({
        lang: 'en',
        jobId: 'j',
        jobNumber: 'J-1',
        jobTitle: 'Fit-out',
        currentStageLabel: 'Booked',
        stages: [{ key: 'doing', label: 'In progress' }],
      }),
    ]);
    expect(html).toContain('<div class="lfp-chat">line 1\nline 2</div>');
    expect(html).toContain('<span class="lfp-chip" title="postback: a=setstage&amp;j=j&amp;s=doing');
    expect(html).toContain('>In progress</span>');
  });

  it('exports self-contained CSS and an escaper', () => {
    expect(flexPreviewCss).toContain('.lfp-bubble');
    expect(escapeHtml(`&<>"'\``)).toBe('&amp;&lt;&gt;&quot;&#39;&#96;');
  });
});
