// How long each side waits for the other, in one place: the server's limit for a request to
// arrive bounds how long a device may keep sending one.

/** How long the server waits for a request to arrive whole, body included (Node's requestTimeout); then 408. */
export const REQUEST_ARRIVAL_LIMIT_MS = 300_000;

/**
 * How long the server keeps a connection open with no request on it (Node's keepAliveTimeout;
 * its default differs between Node versions, so it is set). Whatever reuses connections to the
 * server, a proxy in front above all, must give one up sooner: a request sent on a connection
 * as the server closes it is lost, and the proxy answers 502 (src/server/deploy/files.ts).
 */
export const IDLE_CONNECTION_MS = 5_000;
