/**
 * AWS Signature Version 4 (Cognito's admin calls): the algorithm against AWS's own published
 * example, and the engine signing exactly what it sends: a local server receives the request
 * through n8n's engine, and the signature is recomputed from the bytes and headers that arrived.
 * A real verifier (moto, with botocore's signer) checks it in test/real/cognito.cjs.
 */
const http = require('node:http');
const nock = require('nock');
const { awsV4Signature } = require('../../dist/nodes/PasswordReset/http/awsSignature');
const { runNode } = require('../support/engine.cjs');
const { everythingWritten, captureLogs } = require('../support/fixtures.cjs');

const logged = captureLogs();

test("AWS's published example (IAM ListUsers, 2015-08-30): the same signature", () => {
	const signed = awsV4Signature(
		{
			method: 'GET',
			url: new URL('https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08'),
			headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' },
			body: '',
		},
		{ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', region: 'us-east-1', service: 'iam' },
		new Date('2015-08-30T12:36:00Z'),
	);
	expect(signed.headers).toEqual({
		'X-Amz-Date': '20150830T123600Z',
		Authorization:
			'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7',
	});
	expect(signed.secrets).toEqual(['5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7']);
});

test('a query: names and values encoded as RFC 3986 and sorted by name, then value', () => {
	const sign = (url) => awsV4Signature({ method: 'GET', url: new URL(url), headers: {}, body: '' }, { accessKeyId: 'A', secretAccessKey: 'S', region: 'eu-west-1', service: 'x' }, new Date(0));
	expect(sign('https://h.test/?b=2&a=2&a=1&c=%21*')).toEqual(sign('https://h.test/?a=1&a=2&b=2&c=!*'));
	expect(sign('https://h.test/?a=1')).not.toEqual(sign('https://h.test/?a=2'));
});

test('n8n behaviour relied on: a text body goes out as the node wrote it (Cognito Set Password through the engine: what arrives is what was signed; the secret key never travels)', async () => {
	const SECRET_KEY = 'SENTINEL-aws-secret-key-7f1e';
	const NEW_PASSWORD = 'SENTINEL-Strong-password-2b7d-long';
	const arrived = [];
	const server = http.createServer((request, response) => {
		const chunks = [];
		request.on('data', (chunk) => chunks.push(chunk));
		request.on('end', () => {
			arrived.push({ method: request.method, url: request.url, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
			response.writeHead(200, { 'Content-Type': 'application/x-amz-json-1.1' }).end('{}');
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const baseUrl = `http://127.0.0.1:${server.address().port}`;
	try {
		const result = await runNode({
			parameters: { operation: 'setPassword', email: 'ada@example.com', newPassword: NEW_PASSWORD, options: { requireChange: true, signOutOthers: true } },
			credential: { service: 'cognito', baseUrl, cognitoClientId: 'client', cognitoUserPoolId: 'eu-west-1_Pool1', cognitoAccessKeyId: 'AKIAEXAMPLE', cognitoSecretAccessKey: SECRET_KEY },
		});
		expect(result.output[0].json).toMatchObject({ success: true, mustChangeAtNextSignIn: true, otherSessionsSignedOut: true });
		expect(arrived.map(({ headers }) => headers['x-amz-target'])).toEqual(['AWSCognitoIdentityProviderService.AdminSetUserPassword', 'AWSCognitoIdentityProviderService.AdminUserGlobalSignOut']);
		expect(JSON.parse(arrived[0].body)).toEqual({ UserPoolId: 'eu-west-1_Pool1', Username: 'ada@example.com', Password: NEW_PASSWORD, Permanent: false });
		for (const request of arrived) {
			const authorization = request.headers.authorization;
			const signedNames = /SignedHeaders=([^,]+)/.exec(authorization)[1].split(';');
			expect(signedNames).toEqual(['content-type', 'host', 'x-amz-date', 'x-amz-target']);
			const amzDate = request.headers['x-amz-date'];
			const date = new Date(amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
			const headers = Object.fromEntries(signedNames.filter((name) => !['host', 'x-amz-date'].includes(name)).map((name) => [name, request.headers[name]]));
			const again = awsV4Signature(
				{ method: request.method, url: new URL(request.url, `http://${request.headers.host}`), headers, body: request.body },
				{ accessKeyId: 'AKIAEXAMPLE', secretAccessKey: SECRET_KEY, region: 'eu-west-1', service: 'cognito-idp' },
				date,
			);
			expect(authorization).toBe(again.headers.Authorization);
			expect(authorization).toContain('Credential=AKIAEXAMPLE/');
			expect(JSON.stringify(request)).not.toContain(SECRET_KEY);
		}
		const written = [everythingWritten(result), logged.join('\n')].join('\n');
		for (const secret of [SECRET_KEY, NEW_PASSWORD, /Signature=([0-9a-f]{64})/.exec(arrived[0].headers.authorization)[1]]) expect(written).not.toContain(secret);
	} finally {
		server.close();
	}
});

test("Cognito Set Password without the credential's IAM fields: invalid_input naming them, nothing sent", async () => {
	nock.disableNetConnect();
	const result = await runNode({
		onError: 'continueRegularOutput',
		parameters: { operation: 'setPassword', email: 'ada@example.com', newPassword: 'SENTINEL-Strong-password-2b7d-long' },
		credential: { service: 'cognito', baseUrl: 'https://cognito-idp.eu-west-1.amazonaws.com', cognitoClientId: 'client', cognitoUserPoolId: 'eu-west-1_Pool1' },
	});
	expect(result.output[0].json.details.errorCode).toBe('invalid_input');
	expect(result.output[0].json.error).toMatch(/User Pool ID, Access Key ID and Secret Access Key/);
	const malformed = await runNode({
		onError: 'continueRegularOutput',
		parameters: { operation: 'setPassword', email: 'ada@example.com', newPassword: 'SENTINEL-Strong-password-2b7d-long' },
		credential: { service: 'cognito', baseUrl: 'https://cognito-idp.eu-west-1.amazonaws.com', cognitoClientId: 'client', cognitoUserPoolId: 'Pool1', cognitoAccessKeyId: 'A', cognitoSecretAccessKey: 'S' },
	});
	expect(malformed.output[0].json.error).toMatch(/User Pool ID is not one/);
	nock.enableNetConnect();
});
