/**
 * For bench/outbox.bench.ts: the fake LINE API in its own process (so its schema checks do not
 * compete with the outbox being measured). Sends its base URL over IPC first; answers
 * { type: 'stats' } with what it recorded.
 */
import { startFakeLineApi, validateLineMessages } from '../tests/fakes/fake-line-api.ts';

const line = await startFakeLineApi({ channelAccessToken: process.env.FAKE_LINE_TOKEN ?? 'bench-line-channel-token', loginChannelId: '2001234567' });
validateLineMessages([{ type: 'text', text: 'warm-up' }]);
process.on('message', (message: { type?: string }) => {
  if (message.type !== 'stats') return;
  const keys = line.pushes.map((p) => p.retryKey);
  process.send?.({
    pushes: line.pushes.length,
    uniqueRetryKeys: new Set(keys).size,
    rejected: line.requests.filter((r) => r.path === '/v2/bot/message/push' && r.status !== 200).length,
    conflicts: line.requests.filter((r) => r.path === '/v2/bot/message/push' && r.status === 409).length,
  });
});
process.on('disconnect', () => {
  void line.close().then(() => process.exit(0));
});
process.send?.({ baseUrl: line.baseUrl });
