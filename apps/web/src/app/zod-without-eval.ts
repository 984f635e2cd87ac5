// Imported first by main.tsx. Zod compiles object parsers with `new Function` when it may, and
// finds out whether it may by trying `Function('')` at the first parse. Our
// Content-Security-Policy (script-src 'self', no 'unsafe-eval') refuses that, and although Zod
// catches the error, the browser reports a violation on every page load. jitless: Zod's
// interpreted parsers (fast enough for forms), and no probe.
import { z } from 'zod';

z.config({ jitless: true });
