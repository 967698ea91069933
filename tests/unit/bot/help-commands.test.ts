/**
 * The help card advertises HELP_COMMANDS (the one list; production and the Flex fixtures use it).
 * Every command it shows must be one the parser knows: typed as shown, it must not fall through
 * to the "anything else is a customer search" default.
 */
import { describe, it, expect } from 'vitest';
import { HELP_COMMANDS, parseCommand } from '../../../bot/commands/parse-command.ts';
import { helpCard } from '../../../bot/flex/staff-messages.ts';

/** 'remind <invoice no.>' → 'remind JOB-2026-0001'; optional parts '[…]' are left out. */
function example(syntax: string): string {
  return syntax
    .replace(/\[[^\]]*\]/g, '')
    .replace(/<[^>]*>/g, 'JOB-2026-0001')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('help commands', () => {
  it.each((['th', 'en'] as const).flatMap((lang) => HELP_COMMANDS[lang].map((c) => [lang, c.command] as const)))(
    '%s: "%s" is a command the parser recognises, in that language',
    (lang, syntax) => {
      const parsed = parseCommand(example(syntax));
      expect(parsed.kind).not.toBe('empty');
      expect(parsed.kind === 'find' && parsed.implicit, `"${example(syntax)}" would be taken as a customer search`).toBe(false);
      expect(parsed.lang).toBe(lang);
    },
  );

  it('the example of a command that does not exist falls through to a search (the check can fail)', () => {
    expect(parseCommand(example('archive <invoice no.>'))).toMatchObject({ kind: 'find', implicit: true });
    expect(parseCommand(example('archive'))).toMatchObject({ kind: 'find', implicit: true });
  });

  it('the help card shows exactly those commands', () => {
    for (const lang of ['th', 'en'] as const) {
      const card = JSON.stringify(helpCard(lang, HELP_COMMANDS[lang]));
      for (const c of HELP_COMMANDS[lang]) expect(card).toContain(JSON.stringify(c.command));
    }
  });
});
