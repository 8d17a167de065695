// The app starts once the page the server sent has been painted: its script and wasm would
// otherwise share the network with the stylesheet on a slow connection and delay the first
// paint. A browser without paint timing (or a tab in the background, which paints nothing)
// starts it after a second.
const start = () =>
  import("SCRIPT").then((app) => app.default({ module_or_path: "WASM" }));
let waiting = true;
const startOnce = () => {
  if (waiting) {
    waiting = false;
    start();
  }
};
try {
  new PerformanceObserver(startOnce).observe({ type: "paint", buffered: true });
} catch {}
setTimeout(startOnce, 1000);
