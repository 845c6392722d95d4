import { describe, expect, it } from 'vitest';
import { endpointsOf, go } from './parse.js';

describe('net/http handlers that wrap a router', () => {
  it('mounts a router wrapped in a middleware call instead of reporting an ANY route', async () => {
    const { lines } = await endpointsOf({
      'cmd/server/main.go': go(
        'package main',
        'import (',
        '  "net/http"',
        '  "github.com/gorilla/mux"',
        ')',
        'func main() {',
        '  r := mux.NewRouter()',
        '  r.HandleFunc("/orders", listOrders).Methods("GET")',
        '  r.HandleFunc("/orders/{id}", getOrder).Methods("GET")',
        '  http.Handle("/", withCORS(r))',
        '  http.Handle("/metrics", promhttp.Handler())',
        '  http.ListenAndServe(":8080", nil)',
        '}',
        'func withCORS(h http.Handler) http.Handler { return h }',
      ),
      'go.mod': 'module example.com/shop\n\ngo 1.22\n',
    });
    expect(lines).toEqual(['ANY /metrics', 'GET /orders', 'GET /orders/{id}']);
  });
});

describe('compound assignments to path variables', () => {
  it('keeps a known path built with += and drops a parameter plus a suffix', async () => {
    const { lines } = await endpointsOf({
      'main.go': go(
        'package main',
        'import (',
        '  "net/http"',
        '  "github.com/go-chi/chi/v5"',
        ')',
        'func main() {',
        '  r := chi.NewRouter()',
        '  base := "/api"',
        '  base += "/v2"',
        '  r.Get(base, index)',
        '  serveDir(r, "/assets", http.Dir("."))',
        '  http.ListenAndServe(":80", r)',
        '}',
        'func serveDir(r chi.Router, path string, root http.FileSystem) {',
        '  path += "/*"',
        '  r.Get(path, http.FileServer(root).ServeHTTP)',
        '}',
      ),
      'go.mod': 'module example.com/files\n\ngo 1.22\n',
    });
    expect(lines).toEqual(['GET /api/v2']);
  });
});
