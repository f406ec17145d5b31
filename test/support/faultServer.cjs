'use strict';
/**
 * A real local server for faults nock cannot play faithfully: a body that drips, a body that
 * stalls, a connection destroyed mid-body, a huge body. Loopback only; counts what it sent.
 */
const http = require('node:http');

const FAULTS = {
	/** Headers at once, then one byte every 100 ms: axios's timeout never fires. */
	drip: (res, stats) => {
		res.writeHead(200, { 'Content-Type': 'application/json' });
		const timer = setInterval(() => {
			if (res.destroyed) return clearInterval(timer);
			res.write(' ');
			stats.bytes += 1;
		}, 100);
		res.on('close', () => clearInterval(timer));
	},
	/** Half a JSON body, then silence. */
	stall: (res, stats) => {
		res.writeHead(200, { 'Content-Type': 'application/json' });
		res.write('{"ab');
		stats.bytes += 4;
	},
	/** Half a JSON body, then the connection is destroyed. */
	destroy: (res, stats) => {
		res.writeHead(200, { 'Content-Type': 'application/json' });
		res.write('{"ab', () => res.destroy());
		stats.bytes += 4;
	},
	/** 50 MB of JSON-looking text, written as fast as the client reads. */
	huge: (res, stats) => {
		res.writeHead(200, { 'Content-Type': 'application/json' });
		const chunk = Buffer.alloc(64 * 1024, 'a');
		const total = 50 * 1024 * 1024;
		const pump = () => {
			while (stats.bytes < total) {
				stats.bytes += chunk.length;
				if (!res.write(chunk)) return res.once('drain', pump);
			}
			res.end();
		};
		res.on('close', () => (stats.closed = true));
		pump();
	},
};

async function startFaultServer() {
	const stats = { requests: 0, bytes: 0, closed: false };
	const sockets = new Set();
	const server = http.createServer((req, res) => {
		stats.requests += 1;
		req.resume();
		const fault = FAULTS[new URL(req.url, 'http://x').pathname.split('/')[1]];
		if (fault) fault(res, stats);
		else res.writeHead(404).end();
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${server.address().port}`,
		stats,
		reset: () => Object.assign(stats, { requests: 0, bytes: 0, closed: false }),
		close: () => {
			for (const socket of sockets) socket.destroy();
			return new Promise((resolve) => server.close(resolve));
		},
	};
}

module.exports = { startFaultServer };
