/**
 * Routes that compile WebAssembly (the tfjs wasm backend) and so keep 'wasm-unsafe-eval'
 * in their Content-Security-Policy. Every other page drops it.
 */
const wasmRoutes = ['/[lang=lang]/lab'];

export function routeRunsWasm(routeId: string | null): boolean {
	return routeId !== null && wasmRoutes.some((prefix) => routeId.startsWith(prefix));
}
