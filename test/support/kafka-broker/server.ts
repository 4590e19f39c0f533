// One TCP listener per broker on 127.0.0.1 (random port), request dispatch, the request log, and shutdown.

import { createServer, type Server, type Socket } from 'node:net';
import { FrameSplitter, Reader, responseFrame } from './codec.js';
import { apiVersionsBody, HANDLERS, PRE_AUTH_API_KEYS, saslStep, type Connection, type HandlerContext } from './handlers.js';
import { ApiKey, ErrorCode, SERVED, TRAPPED } from './protocol.js';
import { clusterStateOf, type BrokerNode, type ClusterState, type Scenario } from './scenario.js';

/**
 * answered: a response was sent. trapped: a write API (see TRAPPED), connection closed.
 * rejected: unknown key/version, or a request before SASL authentication; connection closed as a real broker does.
 * failed: the handler threw (a bug in the test broker); connection closed.
 */
export type RequestOutcome = 'answered' | 'trapped' | 'rejected' | 'failed';

export interface RequestRecord {
  nodeId: number;
  apiKey: number;
  apiVersion: number;
  clientId: string | null;
  outcome: RequestOutcome;
  error?: string;
}

export interface TestCluster {
  /** 'host:port,host:port,…' of every broker, node 1 first. */
  bootstrap: string;
  brokers: readonly BrokerNode[];
  clusterId: string;
  /** API key of every request received, in arrival order (live: grows while the cluster runs). */
  receivedApiKeys: number[];
  /** Every request with node, version, client id and outcome (live). */
  requests: RequestRecord[];
  /** Stops the listeners and drops open connections; safe to call twice. */
  close(): Promise<void>;
}

interface Frame {
  apiKey: number;
  apiVersion: number;
  correlationId: number;
  clientId: string | null;
  body: Reader;
}

function parseHeader(frame: Buffer): Frame {
  const r = new Reader(frame);
  const apiKey = r.int16();
  const apiVersion = r.int16();
  const correlationId = r.int32();
  // Request header v1. Flexible requests (header v2) add tagged fields after this; only ApiVersions v3+ arrives that
  // way here, and its body is never read.
  const clientId = r.string();
  return { apiKey, apiVersion, correlationId, clientId, body: r };
}

type Dispatch = { outcome: 'answered'; body: Buffer } | { outcome: Exclude<RequestOutcome, 'answered'>; error?: string };

function dispatch(req: Frame, ctx: HandlerContext): Dispatch {
  if (req.apiKey === ApiKey.ApiVersions) {
    // KIP-511: a version we do not know (librdkafka opens with flexible v3) gets a v0-format body with
    // UNSUPPORTED_VERSION and our ranges, so the client retries with one we support.
    const known = req.apiVersion <= SERVED.get(ApiKey.ApiVersions)![1];
    const body = known ? apiVersionsBody(req.apiVersion, ErrorCode.NONE) : apiVersionsBody(0, ErrorCode.UNSUPPORTED_VERSION);
    return { outcome: 'answered', body: body.buffer() };
  }
  if (ctx.state.sasl && !ctx.conn.authenticated && !PRE_AUTH_API_KEYS.includes(req.apiKey)) return { outcome: 'rejected' };
  if (TRAPPED.has(req.apiKey)) return { outcome: 'trapped' };
  const range = SERVED.get(req.apiKey);
  const handler = HANDLERS.get(req.apiKey);
  if (!range || !handler || req.apiVersion < range[0] || req.apiVersion > range[1]) return { outcome: 'rejected' };
  try {
    return { outcome: 'answered', body: handler(req.apiVersion, req.body, ctx).buffer() };
  } catch (err) {
    // A bug here must not crash the test process: log it and drop the connection (the client sees a network error).
    return { outcome: 'failed', error: String(err) };
  }
}

function serveConnection(sock: Socket, state: ClusterState, nodeId: number, cluster: TestCluster): void {
  const splitter = new FrameSplitter();
  const conn: Connection = { authenticated: false, closeAfterResponse: false, bareTokens: false, sasl: null };
  sock.on('error', () => {});
  sock.on('data', (chunk: Buffer) => {
    for (const frame of splitter.push(chunk)) {
      if (sock.destroyed) return;
      if (conn.bareTokens) {
        // After SaslHandshake v0 each token is a whole frame and so is each reply; failure closes the connection.
        const step = saslStep(frame, state, conn);
        if (step.outcome === false) {
          sock.destroy();
          return;
        }
        if (step.outcome === true) conn.bareTokens = false;
        const reply = Buffer.alloc(4 + step.reply.length);
        reply.writeInt32BE(step.reply.length, 0);
        step.reply.copy(reply, 4);
        sock.write(reply);
        continue;
      }
      let req: Frame;
      try {
        req = parseHeader(frame);
      } catch {
        sock.destroy();
        return;
      }
      const result = dispatch(req, { state, nodeId, conn });
      cluster.receivedApiKeys.push(req.apiKey);
      cluster.requests.push({
        nodeId, apiKey: req.apiKey, apiVersion: req.apiVersion, clientId: req.clientId, outcome: result.outcome,
        ...('error' in result && result.error ? { error: result.error } : {}),
      });
      if (result.outcome !== 'answered') {
        sock.destroy();
        return;
      }
      sock.write(responseFrame(req.correlationId, result.body));
      if (conn.closeAfterResponse) {
        sock.end();
        return;
      }
    }
  });
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') reject(new Error('no TCP address'));
      else resolve(address.port);
    });
  });
}

/** Starts one listener per broker of the scenario on 127.0.0.1 and random ports. Always close() it (afterEach). */
export async function startTestCluster(scenario: Scenario): Promise<TestCluster> {
  const state = clusterStateOf(scenario);
  const servers: Server[] = [];
  const sockets = new Set<Socket>();
  let closed: Promise<void> | null = null;
  const cluster: TestCluster = {
    bootstrap: '',
    brokers: state.brokers,
    clusterId: state.clusterId,
    receivedApiKeys: [],
    requests: [],
    close: () => {
      closed ??= Promise.all(servers.map((server) => new Promise<void>((resolve) => {
        server.close(() => resolve());
      }))).then(() => undefined);
      for (const sock of sockets) sock.destroy();
      return closed;
    },
  };
  try {
    for (const broker of state.brokers) {
      const server = createServer((sock) => {
        sockets.add(sock);
        sock.on('close', () => sockets.delete(sock));
        serveConnection(sock, state, broker.nodeId, cluster);
      });
      servers.push(server);
      // Metadata advertises the bound port, so a client reaches each node id at its own endpoint.
      broker.port = await listen(server);
    }
  } catch (err) {
    await cluster.close();
    throw err;
  }
  cluster.bootstrap = state.brokers.map((b) => `${b.host}:${b.port}`).join(',');
  return cluster;
}
