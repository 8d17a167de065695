// The pupil's card offline (scoped to /carte/): the card's files are kept at install, from the
// list the build writes here; a page of the card is asked of the network first and, offline,
// comes from the kept copy; the app's own files, named by their content, come from the copy.
// The card's status is the app's to keep (localStorage): the API is never answered from here,
// only told to the app as unreachable, so that it shows what it kept and says so.
const CACHE = "passplus-carte-VERSION";
const FILES = FILES_LIST;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith("passplus-carte-") && name !== CACHE)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

const unreachable = () =>
  new Response('{"error":"offline"}', {
    status: 503,
    headers: { "Content-Type": "application/json" },
  });

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/api/translations/")) {
    // The English texts of a release never change: kept once fetched, for an offline switch.
    event.respondWith(
      caches.open(CACHE).then((cache) =>
        cache.match(request).then(
          (kept) =>
            kept ||
            fetch(request).then((answer) => {
              if (answer.ok) cache.put(request, answer.clone());
              return answer;
            }),
        ),
      ),
    );
  } else if (url.pathname.startsWith("/api/")) {
    event.respondWith(fetch(request).catch(unreachable));
  } else if (request.mode === "navigate") {
    event.respondWith(fetch(request).catch(() => caches.match("/carte/")));
  } else {
    event.respondWith(caches.match(request).then((kept) => kept || fetch(request)));
  }
});
