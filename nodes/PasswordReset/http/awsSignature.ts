import { createHash, createHmac } from 'crypto';

import type { SignableRequest, SignedRequest } from '../kernel/types';

/** Who signs, and for which region and service (the credential scope). */
export interface AwsSigner {
	accessKeyId: string;
	secretAccessKey: string;
	region: string;
	service: string;
}

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const hmac = (key: string | Buffer, text: string) => createHmac('sha256', key).update(text, 'utf8').digest();

/** RFC 3986 encoding, as SigV4 wants it: encodeURIComponent leaves `!'()*` as they are. */
const uriEncode = (text: string) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** `20261206T122448Z`: ISO 8601 basic, to the second. */
const amzDateOf = (now: Date) => now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/**
 * AWS Signature Version 4 (AWS IAM user guide, "Create a signed AWS API request"): the headers
 * that sign this request as it goes on the wire, its host, every header it carries and its body.
 * Non-S3 services: each path segment encoded again, the query sorted. The secret access key
 * never leaves this function; the signature is returned as a secret, since it is derived from it.
 */
export const awsV4Signature = (request: SignableRequest, signer: AwsSigner, now = new Date()): SignedRequest => {
	const amzDate = amzDateOf(now);
	const scope = `${amzDate.slice(0, 8)}/${signer.region}/${signer.service}/aws4_request`;
	const headers: Record<string, string> = { host: request.url.host, 'x-amz-date': amzDate };
	for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = value.trim().replace(/\s+/g, ' ');
	const names = Object.keys(headers).sort();
	const signedHeaders = names.join(';');
	const query = [...request.url.searchParams]
		.map(([name, value]) => [uriEncode(name), uriEncode(value)])
		.sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1))
		.map(([name, value]) => `${name}=${value}`)
		.join('&');
	const canonicalRequest = [
		request.method,
		request.url.pathname.split('/').map(uriEncode).join('/'),
		query,
		...names.map((name) => `${name}:${headers[name]}`),
		'',
		signedHeaders,
		sha256Hex(request.body),
	].join('\n');
	const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
	const signingKey = [amzDate.slice(0, 8), signer.region, signer.service, 'aws4_request'].reduce<string | Buffer>((key, part) => hmac(key, part), `AWS4${signer.secretAccessKey}`);
	const signature = hmac(signingKey, stringToSign).toString('hex');
	return {
		headers: {
			'X-Amz-Date': amzDate,
			Authorization: `AWS4-HMAC-SHA256 Credential=${signer.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
		},
		secrets: [signature],
	};
};
