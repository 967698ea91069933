/** Reads a Server-Sent Events body until a text appears or the time runs out (no sleeping). */
export async function readStreamUntil(body: ReadableStream<Uint8Array>, needle: string, ms: number): Promise<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms));
  while (!text.includes(needle)) {
    const chunk = await Promise.race([reader.read(), deadline]);
    if (chunk === 'timeout' || chunk.done) break;
    text += decoder.decode(chunk.value);
  }
  reader.releaseLock();
  return text;
}
