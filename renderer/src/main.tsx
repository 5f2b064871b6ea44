import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from './App';
import { initI18n } from './i18n';
import { AppToaster } from './components/AppToaster';
import { preloadLazyWhenIdle } from './components/lazy';
import { listingPreviewQuery } from './features/profiles/queries';
import { connectionsQuery } from './lib/queries';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      refetchOnWindowFocus: false,
      retry: (count, error) => count < 2 && (error as { retryable?: boolean }).retryable === true,
    },
  },
});

// The last-known rows (asked for by boot.ts) go into the cache before anything renders, so
// the table has them when it mounts (start.lastknown10k.ms); the connections too, whose
// labels the rows show: asked for by the table once mounted, they came 30-130 ms after it,
// and the whole view rendered again while its first rows were being painted.
void queryClient.prefetchQuery(listingPreviewQuery(queryClient));
void queryClient.prefetchQuery(connectionsQuery);

// The catalog of the chosen language is in place before anything is worded. The mark lets
// the benchmark weigh what i18n adds to start-up (i18n.startup.growth.pct).
performance.mark('deck:i18n-start');
void initI18n().then(() => {
  performance.measure('deck:i18n', 'deck:i18n-start');
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App />
        <AppToaster />
      </QueryClientProvider>
    </StrictMode>,
  );
  preloadLazyWhenIdle();
});
