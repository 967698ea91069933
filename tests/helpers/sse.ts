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

/** Reads a stream until the server ends it or the time runs out: `ended` says which. */
export async function readStreamToEnd(body: ReadableStream<Uint8Array>, ms: number): Promise<{ text: string; ended: boolean }> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), ms)));
  try {
    for (;;) {
      const chunk = await Promise.race([reader.read(), deadline]);
      if (chunk === 'timeout') return { text, ended: false };
      if (chunk.done) return { text, ended: true };
      text += decoder.decode(chunk.value);
    }
  } finally {
    clearTimeout(timer);
    reader.releaseLock();
  }
}
