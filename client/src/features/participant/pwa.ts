// The participant pages as an installable, offline app: the manifest (added here, not in index.html,
// so that staff pages are not offered for installation) and the service worker (src/pwa/sw.ts, scope
// /r/). `onControlled`: the worker took over this page, which loaded before it existed; the page
// fetches its link again so that the worker keeps a copy for offline visits.
export function setUpPwa(onControlled: () => void): () => void {
  if (!document.querySelector('link[rel="manifest"]')) {
    const link = document.createElement('link');
    link.rel = 'manifest';
    link.href = '/manifest.webmanifest';
    document.head.append(link);
  }
  const sw = typeof navigator !== 'undefined' ? navigator.serviceWorker : undefined;
  // Only the build has sw.js; the Vite dev server would answer index.html.
  if (!sw || !import.meta.env.PROD) return () => {};
  const wasControlled = !!sw.controller;
  const onChange = () => {
    if (!wasControlled) onControlled();
  };
  sw.addEventListener('controllerchange', onChange);
  sw.register('/sw.js', { scope: '/r/' }).catch(() => {
    // Not offered (private mode, old browser): the page still works online, and the queue offline.
  });
  return () => sw.removeEventListener('controllerchange', onChange);
}
