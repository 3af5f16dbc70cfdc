import { X509Certificate } from 'node:crypto';
import type { DetailedPeerCertificate } from 'node:tls';

export interface CertificateDetails {
  subject: string;
  issuer: string;
  serialNumber: string;
  fingerprint256: string;
  keyType: string;
  keyBits?: number;
  keyCurve?: string;
  subjectAltName?: string;
  validFrom: string;
  notAfter: string;
}

const oneLine = (name: string) => name.split('\n').join(', ');

export function describeCertificate(raw: Buffer): CertificateDetails {
  const x509 = new X509Certificate(raw);
  const key = x509.publicKey;
  const details: CertificateDetails = {
    subject: oneLine(x509.subject),
    issuer: oneLine(x509.issuer),
    serialNumber: x509.serialNumber,
    fingerprint256: x509.fingerprint256,
    keyType: key.asymmetricKeyType ?? 'unknown',
    validFrom: x509.validFromDate.toISOString(),
    notAfter: x509.validToDate.toISOString(),
  };
  const keyDetails = key.asymmetricKeyDetails;
  if (keyDetails?.modulusLength !== undefined) details.keyBits = keyDetails.modulusLength;
  if (keyDetails?.namedCurve !== undefined) details.keyCurve = keyDetails.namedCurve;
  if (x509.subjectAltName) details.subjectAltName = x509.subjectAltName;
  return details;
}

/** The issuers above the leaf as the server sent them; a self-signed root refers to itself, which ends the walk. */
export function issuerChain(leaf: DetailedPeerCertificate): Array<{ subject: string; notAfter: string }> {
  const chain: Array<{ subject: string; notAfter: string }> = [];
  let current = leaf;
  while (current.issuerCertificate && current.issuerCertificate !== current && chain.length < 10) {
    current = current.issuerCertificate;
    const x509 = new X509Certificate(current.raw);
    chain.push({ subject: oneLine(x509.subject), notAfter: x509.validToDate.toISOString() });
  }
  return chain;
}
