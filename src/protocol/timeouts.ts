// How long each side waits for the other, in one place: the server's limit for a request to
// arrive bounds how long a device may keep sending one.

/** How long the server waits for a request to arrive whole, body included (Node's requestTimeout); then 408. */
export const REQUEST_ARRIVAL_LIMIT_MS = 300_000;
