import '@mantine/core/styles.css';
import './console.css';
import { Button, Center, MantineProvider, Paper, Stack, Text, Title, createTheme, type CSSVariablesResolver } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router';
import { signIn } from './api/client';
import { I18nProvider, useI18n } from './i18n/i18n';
import { rememberLanguage, currentLanguage } from './i18n/language';
import { SessionProvider, useSessionState } from './session';
import { Shell } from './shell/Shell';
import { Loading } from './ui/States';
import { OverviewPage } from './overview/OverviewPage';

// Every screen but the first loads when it is opened: the first paint needs only the shell and the overview.
const DirectivesPage = lazy(() => import('./directives/DirectivesPage'));
const DirectivePage = lazy(() => import('./directives/DirectivePage'));
const ExposuresPage = lazy(() => import('./exposures/ExposuresPage'));
const InventoryPage = lazy(() => import('./inventory/InventoryPage'));
const AdvisoriesPage = lazy(() => import('./advisories/AdvisoriesPage'));
const IncidentsPage = lazy(() => import('./incidents/IncidentsPage'));
const IncidentPage = lazy(() => import('./incidents/IncidentPage'));
const DutyPage = lazy(() => import('./duty/DutyPage'));
const AuditPage = lazy(() => import('./audit/AuditPage'));
const NotificationsPage = lazy(() => import('./notifications/NotificationsPage'));

const theme = createTheme({
  primaryColor: 'red',
  primaryShade: 9,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  defaultRadius: 'sm',
});

// Mantine's dimmed grey is 3.3:1 on white; text needs 4.5:1 (WCAG AA).
const variables: CSSVariablesResolver = () => ({ variables: {}, light: { '--mantine-color-dimmed': '#5c636a' }, dark: {} });

const queries = new QueryClient({
  defaultOptions: { queries: { staleTime: 15_000, retry: 1, refetchOnWindowFocus: true } },
});

function SignedOut() {
  const { t, language, setLanguage } = useI18n();
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" maw={440} component="main">
        <Stack>
          <img src="/icon.svg" width={48} height={48} alt="" />
          <Title order={1} size="h2">
            {t('appName')}
          </Title>
          <Text>{t('signInLead')}</Text>
          <Button onClick={signIn} size="md">
            {t('signIn')}
          </Button>
          <Button variant="subtle" onClick={() => setLanguage(language === 'vi' ? 'en' : 'vi')}>
            {t('switchLanguage')}
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}

function App() {
  const state = useSessionState();
  if (state.kind === 'loading') return <Loading />;
  if (state.kind === 'signed-out') return <SignedOut />;
  return (
    <SessionProvider session={state.session}>
      <BrowserRouter>
        <Shell>
          <Routes>
            <Route path="/" element={<OverviewPage />} />
            <Route path="/overview" element={<OverviewPage />} />
            <Route path="/directives" element={<DirectivesPage />} />
            <Route path="/directives/:id" element={<DirectivePage />} />
            <Route path="/exposures" element={<ExposuresPage />} />
            <Route path="/exposures/:id" element={<ExposuresPage />} />
            <Route path="/inventory" element={<InventoryPage />} />
            <Route path="/advisories" element={<AdvisoriesPage />} />
            <Route path="/incidents" element={<IncidentsPage />} />
            <Route path="/incidents/:id" element={<IncidentPage />} />
            <Route path="/duty" element={<DutyPage />} />
            <Route path="/audit" element={<AuditPage />} />
            <Route path="/notifications" element={<NotificationsPage />} />
            <Route path="/webhooks/:id" element={<NotificationsPage />} />
            <Route path="*" element={<OverviewPage />} />
          </Routes>
        </Shell>
      </BrowserRouter>
    </SessionProvider>
  );
}

rememberLanguage(currentLanguage());
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={variables}>
      <QueryClientProvider client={queries}>
        <I18nProvider>
          <App />
        </I18nProvider>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);

if ('serviceWorker' in navigator && import.meta.env.PROD) {
  navigator.serviceWorker.register('/sw.js').catch(() => undefined);
}
