// Routes of the admin SPA. Capabilities that are not built yet have no route: the navbar
// shows them as "coming soon" instead of linking to empty pages.
import { Navigate, Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../features/not-found/not-found-page';
import { StatusPage } from '../features/status/status-page';
import { AppLayout } from './layout/app-layout';

export function App() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<StatusPage />} />
        <Route path="status" element={<StatusPage />} />
        <Route path="home" element={<Navigate to="/" replace />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
