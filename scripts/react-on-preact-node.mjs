// Node runs the app's host (npm run bench:seek) as the browser runs it: `react` and `react-dom`
// resolve to Preact's React-compatible runtime, as vite.config.ts aliases them for the dev server,
// the build and the unit tests. Use: node --import ./scripts/react-on-preact-node.mjs --import tsx …
import { register } from 'node:module'

const hooks = `
const to = {
  react: 'preact/compat',
  'react-dom': 'preact/compat',
  'react-dom/client': 'preact/compat/client',
  'react/jsx-runtime': 'preact/compat/jsx-runtime',
  'react/jsx-dev-runtime': 'preact/compat/jsx-dev-runtime',
}
export async function resolve(specifier, context, next) {
  return next(to[specifier] ?? specifier, context)
}
`
register('data:text/javascript,' + encodeURIComponent(hooks))
