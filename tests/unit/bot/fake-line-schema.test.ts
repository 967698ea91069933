import { describe, expect, it } from 'vitest';
import { validateLineMessages } from '../../fakes/fake-line-api.ts';

const bubble = (contents: unknown[], extra: Record<string, unknown> = {}) => ({
  type: 'flex',
  altText: 'alt',
  contents: { type: 'bubble', body: { type: 'box', layout: 'vertical', contents }, ...extra },
});

describe('validateLineMessages (official schema + documented limits)', () => {
  it('accepts a minimal valid set', () => {
    expect(validateLineMessages([{ type: 'text', text: 'hi' }, bubble([{ type: 'text', text: 'a' }])])).toEqual([]);
  });

  it('follows the discriminators into nested boxes, buttons and actions', () => {
    const errors = validateLineMessages([
      bubble([
        {
          type: 'box',
          layout: 'diagonal',
          contents: [
            { type: 'text', text: 'x', weight: 'heavy' },
            { type: 'button', action: { type: 'teleport', label: 'x' } },
            { type: 'button', action: { type: 'uri', label: 'x', uri: 'ftp://example.com' } },
          ],
        },
      ]),
    ]);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^messages\[0\]\.contents\.body\.contents\[0\]\.layout: Must be one of/),
        expect.stringMatching(/contents\[0\]\.contents\[0\]\.weight: Must be one of the following values: \[regular, bold\]/),
        expect.stringMatching(/contents\[0\]\.contents\[1\]\.action\.type: Must be one of/),
        expect.stringMatching(/contents\[0\]\.contents\[2\]\.action\.uri: invalid uri scheme/),
      ]),
    );
  });

  it('applies the rules the schema leaves to prose', () => {
    const errors = validateLineMessages([
      bubble(
        [
          { type: 'text', text: '' },
          { type: 'text', text: 'a', color: 'red' },
          { type: 'text', text: 'a', margin: '12' },
          { type: 'button', action: { type: 'postback', data: 'a=1' } },
          { type: 'button', action: { type: 'postback', label: 'x'.repeat(41), data: 'a=1' } },
          { type: 'image', url: 'http://example.com/a.png' },
        ],
        { hero: { type: 'text', text: 'not allowed in hero' } },
      ),
    ]);
    expect(errors).toEqual(
      expect.arrayContaining([
        'messages[0].contents.body.contents[0].text: must be specified',
        'messages[0].contents.body.contents[1].color: invalid color code',
        'messages[0].contents.body.contents[2].margin: invalid property',
        'messages[0].contents.body.contents[3].action.label: must be specified',
        'messages[0].contents.body.contents[4].action.label: size must be between 1 and 40',
        'messages[0].contents.body.contents[5].url: invalid uri scheme',
        'messages[0].contents.hero: invalid property',
      ]),
    );
  });

  it('checks message-level limits', () => {
    expect(validateLineMessages([])).toEqual(['messages: must NOT have fewer than 1 items']);
    expect(validateLineMessages([{ type: 'flex', altText: '', contents: { type: 'carousel', contents: [] } }])).toEqual(
      expect.arrayContaining(['messages[0].altText: May not be empty', 'messages[0].contents.contents: size must be between 1 and 12']),
    );
    expect(validateLineMessages([{ type: 'text', text: 'x', quickReply: { items: [] } }])).toEqual([
      'messages[0].quickReply.items: size must be between 1 and 13',
    ]);
  });
});
