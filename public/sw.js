// kafkascope works offline once loaded: on install this service worker keeps a copy of the page, of
// the scripts and styles it names and of those it loads on demand; afterwards it answers from the
// network first and from that copy when the network is gone (and keeps what it serves up to date).
// Its scope is the folder the app is served from, so it works from any sub-path.
const CACHE = 'kafkascope-v1'

/** The page and the files index.html loads (Vite writes them as ./assets/...). */
async function appFiles() {
  const html = await (await fetch('./', { cache: 'no-cache' })).text()
  const assets = [...html.matchAll(/(?:src|href)="(\.\/assets\/[^"]+)"/g)].map((m) => m[1])
  return ['./', ...assets]
}

/** The scripts and styles loaded on demand (lessons, comparison, help, side tabs): offline-files.json. */
async function onDemandFiles() {
  return fetch('./offline-files.json', { cache: 'no-cache' })
    .then((r) => (r.ok ? r.json() : []))
    .catch(() => [])
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then(async (cache) => {
        const files = await appFiles()
        await cache.addAll(files)
        // one on-demand file that cannot be fetched leaves the rest, and the page, working offline
        const more = (await onDemandFiles()).filter((f) => !files.includes(f))
        await Promise.all(more.map((f) => cache.add(f).catch(() => undefined)))
      })
      .then(() => self.skipWaiting()),
  )
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  )
})

self.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone()
          caches.open(CACHE).then((cache) => cache.put(request, copy))
        }
        return response
      })
      .catch(() => caches.match(request, { ignoreSearch: true }).then((hit) => hit ?? caches.match('./'))),
  )
})
