// Loaded with `node --import` before Portkey's gateway (see tests/AIBridge.Benchmarks/Peers/Portkey.cs).
import http from 'node:http';

// On Node 20, headers of a fetch() response are immutable and Portkey's streaming path sets some,
// which throws. Re-wrapping each response keeps its body stream, status and headers, but mutable.
const originalFetch = globalThis.fetch;
globalThis.fetch = async (...args) => {
  const response = await originalFetch(...args);
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
};

// start-server.js listens on every interface and has no option for it; benchmarks stay on loopback.
const originalListen = http.Server.prototype.listen;
http.Server.prototype.listen = function (port, host, ...rest) {
  if (typeof port === 'number' && (host === undefined || host === null)) {
    return originalListen.call(this, port, '127.0.0.1', ...rest);
  }
  if (typeof port === 'number' && typeof host === 'function') {
    return originalListen.call(this, port, '127.0.0.1', host, ...rest);
  }
  return originalListen.call(this, port, host, ...rest);
};
