/** RFC 6266 / 5987 Content-Disposition: an ASCII fallback plus the UTF-8 name (Thai file names). */
export function contentDisposition(type: 'inline' | 'attachment', asciiName: string, unicodeName: string): string {
  const ascii = asciiName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(unicodeName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
