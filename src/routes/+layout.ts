// Every page is prerendered; directories with index.html work on any static file server.
export const prerender = true;
export const trailingSlash = 'always';
