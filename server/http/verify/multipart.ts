/**
 * Just enough multipart/form-data for the verify form: the named parts of a body already read
 * into memory (the route caps its size). No files touch the disk.
 */
export interface FormPart {
  name: string;
  fileName: string | null;
  data: Buffer;
}

export function parseMultipart(body: Buffer, contentType: string): FormPart[] | null {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const token = boundary?.[1] ?? boundary?.[2];
  if (!token) return null;
  const delimiter = Buffer.from(`--${token.trim()}`);
  const parts: FormPart[] = [];
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const afterDelimiter = start + delimiter.length;
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString('latin1') === '--') break;
    const headerEnd = body.indexOf('\r\n\r\n', afterDelimiter);
    const next = body.indexOf(delimiter, afterDelimiter);
    if (headerEnd < 0 || next < 0) return null;
    const headers = body.subarray(afterDelimiter + 2, headerEnd).toString('utf8');
    const disposition = /content-disposition:\s*form-data;([^\r\n]*)/i.exec(headers)?.[1] ?? '';
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    const fileName = /\bfilename="([^"]*)"/i.exec(disposition)?.[1] ?? null;
    // The part's data ends with the CRLF that precedes the next delimiter.
    if (name !== undefined) parts.push({ name, fileName, data: body.subarray(headerEnd + 4, next - 2) });
    start = next;
  }
  return parts;
}
