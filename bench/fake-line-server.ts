/** Child process: the strict fake LINE API, so its schema checks do not share the load generator's CPU. */
import { startFakeLineApi } from '../tests/fakes/fake-line-api.ts';

const line = await startFakeLineApi({ channelAccessToken: 'bench-access-token', loginChannelId: '1650000001', acceptAnyProfile: true });
process.stdout.write(`URL ${line.baseUrl}\n`);
process.on('message', (m) => {
  if (m === 'count') process.send!({ replies: line.replies.length, pushes: line.pushes.length });
  // Each accepted reply's token and arrival (Date.now()), and every attempt (a second reply to one token is refused).
  if (m === 'replies')
    process.send!({ replies: line.replies.map((r) => [r.replyToken, r.at]), replyAttempts: line.counts.replyAttempts, pushes: line.pushes.length });
});
