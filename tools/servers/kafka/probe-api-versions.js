#!/usr/bin/env node
// Readiness probe for tools/stack: sends one Kafka ApiVersions (v0) request and exits 0 only when the broker
// answers it without error — an open port alone does not mean the broker is serving requests.
// Usage: node probe-api-versions.js <host> <port> [timeoutMs]. No dependencies, so it works before `npm ci`.
'use strict';
const net = require('node:net');

const [host, portText, timeoutText = '2000'] = process.argv.slice(2);
const API_VERSIONS = 18;
const CORRELATION_ID = 0x6a6f62; // arbitrary; echoed back by the broker

function apiVersionsRequest() {
  const clientId = Buffer.from('jobcast-stack-probe');
  const body = Buffer.alloc(2 + 2 + 4 + 2 + clientId.length);
  let offset = body.writeInt16BE(API_VERSIONS, 0);
  offset = body.writeInt16BE(0, offset); // request version 0: every broker since 0.10 understands it
  offset = body.writeInt32BE(CORRELATION_ID, offset);
  offset = body.writeInt16BE(clientId.length, offset);
  clientId.copy(body, offset);
  const size = Buffer.alloc(4);
  size.writeInt32BE(body.length, 0);
  return Buffer.concat([size, body]);
}

const socket = net.connect({ host, port: Number(portText) });
socket.setTimeout(Number(timeoutText), () => fail('no answer in time'));
socket.on('error', (error) => fail(error.message));
socket.on('connect', () => socket.write(apiVersionsRequest()));

let received = Buffer.alloc(0);
socket.on('data', (chunk) => {
  received = Buffer.concat([received, chunk]);
  if (received.length < 4 || received.length < 4 + received.readInt32BE(0)) return;
  const correlationId = received.readInt32BE(4);
  const errorCode = received.readInt16BE(8);
  const apiCount = received.readInt32BE(10);
  socket.destroy();
  if (correlationId !== CORRELATION_ID) fail(`unexpected correlation id ${correlationId}`);
  if (errorCode !== 0) fail(`ApiVersions error code ${errorCode}`);
  console.log(`kafka broker answers ApiVersions (${apiCount} APIs)`);
  process.exit(0);
});

function fail(reason) {
  console.error(`kafka probe ${host}:${portText}: ${reason}`);
  process.exit(1);
}
