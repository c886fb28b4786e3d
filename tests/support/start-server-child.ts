// Runs what instrumentation.ts runs at `next start`, without a build (tests/integration/server-start.test.ts).
import { startServer } from '../../lib/server-start';

void startServer();
