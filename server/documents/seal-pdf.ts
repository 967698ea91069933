/**
 * The PAdES seal on signed quotes: a CAdES-detached signature (ETSI.CAdES.detached) over the whole
 * rendered PDF with the business's certificate, so any PDF reader reports a later change.
 * pdfkit's output gets its placeholder from @signpdf/placeholder-plain (placeholder-pdfkit hangs
 * with pdfkit 0.20; ENGINEERING.md "PDF seal").
 *
 * The certificate is SIGNING_P12_PATH / SIGNING_P12_PASSWORD when configured; otherwise a
 * self-signed one named after the business is generated on first use and kept in
 * DATA_DIR/seal (key file 0600), so every later seal uses the same certificate.
 * RSA PKCS#1 v1.5 signatures are deterministic: with the signing time fixed to the signature's
 * time, sealing the same PDF twice gives the same bytes.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';
import { SignPdf } from '@signpdf/signpdf';
import { P12Signer } from '@signpdf/signer-p12';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import type { PdfSealer } from '../services/ports.ts';

/** @signpdf/utils SUBFILTER_ETSI_CADES_DETACHED (the PAdES baseline sub-filter). */
const SUBFILTER_ETSI_CADES_DETACHED = 'ETSI.CAdES.detached';

export interface SealOptions {
  /** The business's English (ASCII) name: the certificate's and the signature's name. */
  businessName: string;
  signingTime: Date;
}

const asciiOnly = (text: string) =>
  text
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/[()\\]/g, '')
    .trim();

/** Seals with one PKCS#12 bundle (configured certificate, or a fixed test certificate). */
export function p12Sealer(p12: Buffer, passphrase: string): PdfSealer & { sealWith(pdf: Buffer, options: SealOptions): Promise<Buffer> } {
  const sealWith = async (pdf: Buffer, options: SealOptions) => {
    // One signer per seal: P12Signer consumes its copy of the bundle while signing.
    const signer = new P12Signer(p12, { passphrase });
    const withPlaceholder = plainAddPlaceholder({
      pdfBuffer: pdf,
      // The placeholder writes these as plain PDF strings: ASCII only (Thai would break the dictionary).
      reason: 'Quote accepted and signed online',
      contactInfo: '',
      name: asciiOnly(options.businessName) || 'Client Portal',
      location: 'Thailand',
      signingTime: options.signingTime,
      subFilter: SUBFILTER_ETSI_CADES_DETACHED,
      appName: 'ClientPortal',
    });
    return new SignPdf().sign(withPlaceholder, signer, options.signingTime);
  };
  return { seal: (pdf, options) => sealWith(pdf, options), sealWith };
}

/** A self-signed certificate for the business: RSA-2048, SHA-256, ten years, for signing documents. */
export function selfSignedCertificate(businessName: string, now: Date): { keyPem: string; certPem: string } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const key = forge.pki.privateKeyFromPem(keyPem) as forge.pki.rsa.PrivateKey;
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  // Positive serial: a leading 0x01 byte keeps the DER integer from reading as negative.
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`;
  cert.validity.notBefore = new Date(now.getTime() - 60_000);
  cert.validity.notAfter = new Date(now.getTime() + 10 * 365 * 86_400_000);
  // ASCII names only: forge re-encodes UTF8String attributes when it builds the CMS signer info,
  // and the mangled issuer no longer matches the certificate (pdfsig then cannot validate).
  // The business's English name is used; its Thai name is on the document itself.
  const display = asciiOnly(businessName).slice(0, 64) || 'Client Portal';
  const name: forge.pki.CertificateField[] = [
    { name: 'commonName', value: display },
    { name: 'organizationName', value: display },
    { name: 'countryName', value: 'TH' },
  ];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
  ]);
  cert.sign(key, forge.md.sha256.create());
  return { keyPem, certPem: forge.pki.certificateToPem(cert) };
}

export function toP12(keyPem: string, certPem: string, passphrase: string): Buffer {
  const key = forge.pki.privateKeyFromPem(keyPem);
  const cert = forge.pki.certificateFromPem(certPem);
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, [cert], passphrase, { algorithm: '3des' });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

function writePrivate(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
}

export interface BusinessSealerOptions {
  dataDir: string;
  p12Path?: string | null;
  p12Password?: string | null;
  clock: { now(): Date };
}

/** The configured certificate, or the business's own self-signed one (created on first seal). */
export function businessSealer(options: BusinessSealerOptions): PdfSealer {
  if (options.p12Path) return p12Sealer(readFileSync(options.p12Path), options.p12Password ?? '');
  const dir = path.join(options.dataDir, 'seal');
  const keyFile = path.join(dir, 'seal-key.pem');
  const certFile = path.join(dir, 'seal-cert.pem');
  let sealer: ReturnType<typeof p12Sealer> | null = null;
  const load = (businessName: string) => {
    if (sealer) return sealer;
    if (!existsSync(keyFile) || !existsSync(certFile)) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const made = selfSignedCertificate(businessName, options.clock.now());
      writePrivate(keyFile, made.keyPem);
      writeFileSync(certFile, made.certPem);
    }
    // The bundle lives only in memory; its passphrase protects nothing on disk.
    const passphrase = randomBytes(16).toString('hex');
    sealer = p12Sealer(toP12(readFileSync(keyFile, 'utf8'), readFileSync(certFile, 'utf8'), passphrase), passphrase);
    return sealer;
  };
  return { seal: (pdf, sealOptions) => load(sealOptions.businessName).seal(pdf, sealOptions) };
}
