// The app is written against React's API and rendered by Preact's React-compatible runtime
// (preact/compat, aliased in vite.config.ts) for its size. Where the two differ in what a person
// sees, it is mended here, once, before the first render:
//   - React writes `tabIndex` as the `tabindex` attribute on every element; Preact sets SVG
//     attributes by their prop name, and an SVG `tabIndex` attribute makes nothing focusable (the
//     timeline's playhead and markers). The prop is renamed for every element, which is what
//     React writes for HTML as well.
import { options } from 'preact'

const next = options.vnode
options.vnode = (vnode) => {
  const props = vnode.props as Record<string, unknown> | null
  if (typeof vnode.type === 'string' && props && 'tabIndex' in props) {
    props.tabindex = props.tabIndex
    delete props.tabIndex
  }
  next?.(vnode)
}
