/** The few parts of `aws4` (an independent SigV4 implementation, dev only) the fake S3 server uses. */
declare module 'aws4' {
  interface SignableRequest {
    method?: string;
    host?: string;
    path?: string;
    service?: string;
    region?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
  }
  const aws4: {
    sign(request: SignableRequest, credentials: { accessKeyId: string; secretAccessKey: string }): SignableRequest & { headers: Record<string, string> };
  };
  export default aws4;
}
