// Which paths of the API exist and the methods each takes, read from the app's own routes, so a
// path the API does not have is told 404 whatever the method (a CORS preflight included), and
// a preflight is told the methods its route really takes.
import { TrieRouter } from 'hono/router/trie-router';

interface DeclaredRoute {
  method: string;
  path: string;
}

export class RouteTable {
  private router: TrieRouter<string[]> | null = null;

  /** `declared` is read at the first look-up, once every route has been declared. */
  constructor(
    private readonly declared: () => readonly DeclaredRoute[],
    private readonly prefix: string,
  ) {}

  /** The methods the route at `path` takes (sorted), or undefined when there is no such route. */
  methodsOf(path: string): string[] | undefined {
    this.router ??= this.build();
    const [matches] = this.router.match('ALL', path);
    return matches[0]?.[0];
  }

  private build(): TrieRouter<string[]> {
    const methods = new Map<string, Set<string>>();
    for (const { method, path } of this.declared()) {
      // Middleware and the 405 answers are declared for 'ALL', or for a few methods on a
      // wildcard (body limits): they make no route of their own. No route of the API is a wildcard.
      if (method === 'ALL' || path.includes('*') || !path.startsWith(this.prefix)) continue;
      methods.set(path, (methods.get(path) ?? new Set()).add(method));
    }
    const router = new TrieRouter<string[]>();
    for (const [path, taken] of methods) router.add('ALL', path, [...taken].sort());
    return router;
  }
}
